import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, call } from '../../api';
import type { CallOutput } from '../../../shared/contract';
import type { ComplaintQuery } from '../../../shared/schemas/complaint';

type RegisterList = CallOutput<'complaints.list'>;

export interface RegisterListState {
  // The last list that came, kept while the next one loads.
  data: RegisterList | undefined;
  error: ApiCallError | null;
  loading: boolean;
  reload(): void;
  // Asks for a list before the address changes: a click starts the request at once, not
  // after the router has re-rendered the page for the new address.
  prefetch(query: ComplaintQuery): void;
}

const failed = (err: unknown) =>
  err instanceof ApiCallError
    ? err
    : new ApiCallError({ code: 'internal', message: 'Data tidak dapat dibaca. Muat ulang halaman; bila berulang, hubungi admin.' });

// The register's list, as useCall loads any call, plus `prefetch`. An answer that arrives
// after a newer request is dropped; a request started early is used once, by the render
// that asks for the same query.
export function useRegisterList(query: ComplaintQuery): RegisterListState {
  const key = JSON.stringify(query);
  const [data, setData] = useState<RegisterList>();
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const early = useRef(new Map<string, Promise<RegisterList>>());

  const prefetch = useCallback((next: ComplaintQuery) => {
    const k = JSON.stringify(next);
    if (early.current.has(k)) return;
    const request = call('complaints.list', next);
    // Its failure is reported by the render that takes it up, if one does.
    request.catch(() => undefined);
    early.current.set(k, request);
  }, []);

  useEffect(() => {
    const request = ++latest.current;
    const started = early.current.get(key);
    early.current.clear();
    setLoading(true);
    (started ?? call('complaints.list', JSON.parse(key) as ComplaintQuery))
      .then((value) => {
        if (request !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (request !== latest.current) return;
        setError(failed(err));
        setLoading(false);
      });
  }, [key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, prefetch };
}
