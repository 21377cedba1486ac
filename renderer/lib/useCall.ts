import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError, call, callQuietly } from '../api';
import type { CallInput, CallName, CallOutput } from '../../shared/contract';
import { keepEqual } from './keepEqual';

const send = call as (name: CallName, input: unknown) => Promise<unknown>;
const sendQuietly = callQuietly as (name: CallName, input: unknown) => Promise<unknown>;

export interface Loaded<T> {
  data: T | undefined;
  // The input `data` answers (JSON), which may be an earlier one while the next loads.
  dataFor: string | undefined;
  error: ApiCallError | null;
  loading: boolean;
  reload: () => void;
  // A reload the screen makes on its own (a timer, a live event, the window's focus):
  // asked with callQuietly, so it does not keep an idle session alive.
  reloadQuietly: () => void;
}

export interface LoadedWithPrefetch<K extends CallName> extends Loaded<CallOutput<K>> {
  // Asks for the answer to an input before the screen renders it: a click starts the
  // request at once, not after the router has re-rendered the page for a new address.
  // The render that asks for the same input takes it up, once: an answer already in hand
  // shows in that very render. An answer asked for more than FRESH_MS ago is asked for
  // again, and so is one that failed. Settles (never rejects) when the answer is in.
  prefetch(input: CallInput<K>): Promise<void>;
}

// How long an answer fetched ahead may stand in for asking: a page fetched ahead and
// opened a while later is asked for again, so it is never older than this when shown.
export const FRESH_MS = 10_000;
// The effect below takes up the answer its render showed, judged fresh a moment before:
// it allows the entry this much more, so the two never disagree.
const TAKE_UP_GRACE_MS = 1_000;

interface Early<T> {
  request: Promise<T>;
  // Date.now() when asked: it goes on while the PC sleeps, and an entry is stale when the
  // clock is set back, so no answer outlives FRESH_MS of real time.
  at: number;
  // Set once a successful answer is in.
  value?: { answer: T };
}

function fresh<T>(entry: Early<T> | undefined, grace = 0): Early<T> | undefined {
  const age = entry ? Date.now() - entry.at : -1;
  return entry && age >= 0 && age < FRESH_MS + grace ? entry : undefined;
}

// Loads one call's answer for a screen and reloads it when the input changes (by
// value) or when asked. An answer that arrives after a newer request is dropped; the
// last answer stays while the next one loads.
export function useCall<K extends CallName>(name: K, input: CallInput<K>, enabled = true): LoadedWithPrefetch<K> {
  const key = JSON.stringify(input ?? {});
  const [[data, dataFor], setShown] = useState<[CallOutput<K> | undefined, string | undefined]>([undefined, undefined]);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [tick, setTick] = useState(0);
  // Loading is the request asked for not yet answered: it shows in the very render that
  // asks (no second render only to say so), and ends in the render that shows the answer.
  const asked = `${name} ${key} ${tick}`;
  const [answered, setAnswered] = useState<string | null>(null);
  const latest = useRef(0);
  // The tick of a reloadQuietly not yet sent.
  const quietTick = useRef<number | null>(null);
  const early = useRef(new Map<string, Early<CallOutput<K>>>());
  // A prefetched answer to this very input, not yet taken up by the effect below.
  const ready = enabled && answered !== asked ? fresh(early.current.get(key))?.value : undefined;
  const loading = enabled && answered !== asked && !ready;

  const prefetch = useCallback(
    (next: CallInput<K>) => {
      const k = JSON.stringify(next ?? {});
      const had = fresh(early.current.get(k));
      if (had) return had.request.then(ignore, ignore);
      const request = send(name, next ?? {}) as Promise<CallOutput<K>>;
      const entry: Early<CallOutput<K>> = { request, at: Date.now() };
      early.current.set(k, entry);
      // A failed request is forgotten, so the screen that asks for this input asks again
      // (an answer fetched ahead may fail long before anyone wants it).
      return request.then(
        (answer) => void (entry.value = { answer }),
        () => {
          if (early.current.get(k) === entry) early.current.delete(k);
        },
      );
    },
    [name],
  );

  useEffect(() => {
    if (!enabled) {
      // Switched off: an answer still on its way is dropped, and switched on again it loads afresh.
      latest.current++;
      setAnswered(null);
      return;
    }
    const request = ++latest.current;
    const started = fresh(early.current.get(key), TAKE_UP_GRACE_MS);
    early.current.clear();
    const quiet = quietTick.current === tick;
    quietTick.current = null;
    const asking = `${name} ${key} ${tick}`;
    if (started?.value) {
      // Shown already (`ready`): kept as this hook's own answer, in this same step.
      setShown([started.value.answer, key]);
      setError(null);
      setAnswered(asking);
      return;
    }
    (started?.request ?? ((quiet ? sendQuietly : send)(name, JSON.parse(key)) as Promise<CallOutput<K>>))
      .then((value) => {
        if (request !== latest.current) return;
        // A reload's unchanged parts keep their identity (memoised rows stay as they are).
        setShown(([shown]) => [keepEqual(shown, value), key]);
        setError(null);
        setAnswered(asking);
      })
      .catch((err: unknown) => {
        if (request !== latest.current) return;
        setError(
          err instanceof ApiCallError
            ? err
            : new ApiCallError({ code: 'internal', message: 'Data tidak dapat dibaca. Muat ulang halaman; bila berulang, hubungi admin.' }),
        );
        setAnswered(asking);
      });
  }, [name, key, tick, enabled]);

  const ticks = useRef(0);
  const reload = useCallback(() => {
    // Asked afresh, never from an answer fetched ahead.
    early.current.clear();
    setTick(++ticks.current);
  }, []);
  const reloadQuietly = useCallback(() => {
    early.current.clear();
    quietTick.current = ++ticks.current;
    setTick(ticks.current);
  }, []);
  const shown = { reload, reloadQuietly, prefetch, loading };
  return ready ? { data: ready.answer, dataFor: key, error: null, ...shown } : { data, dataFor, error, ...shown };
}

const ignore = () => undefined;
