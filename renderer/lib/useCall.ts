import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, call } from '../api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiCallError | null;
  loading: boolean;
  reload: () => void;
}

// Loads one call's answer for a screen and reloads it when the input changes (by
// value) or when asked. An answer that arrives after a newer request is dropped.
export function useCall<K extends CallName>(name: K, input: CallInput<K>, enabled = true): Loaded<CallOutput<K>> {
  const key = JSON.stringify(input ?? {});
  const [data, setData] = useState<CallOutput<K>>();
  const [error, setError] = useState<ApiCallError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    if (!enabled) return;
    const request = ++latest.current;
    setLoading(true);
    (call as (n: K, i: unknown) => Promise<CallOutput<K>>)(name, JSON.parse(key))
      .then((value) => {
        if (request !== latest.current) return;
        setData(value);
        setError(null);
      })
      .catch((err: unknown) => {
        if (request !== latest.current) return;
        setError(
          err instanceof ApiCallError
            ? err
            : new ApiCallError({ code: 'internal', message: 'Data tidak dapat dibaca. Muat ulang halaman; bila berulang, hubungi admin.' }),
        );
      })
      .finally(() => {
        if (request === latest.current) setLoading(false);
      });
  }, [name, key, tick, enabled]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
