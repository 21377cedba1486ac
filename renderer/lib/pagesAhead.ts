import { useEffect } from 'react';

// A paged list asks for the pages beside the one shown before they are opened: both once
// the browser is idle after a page shows (here), and each again when the pointer or the
// focus comes to its button (ListPager's `ahead`). useCall's prefetch keeps them, for
// FRESH_MS at most, so Sebelumnya and Berikutnya show their page without waiting.

// Asked for when the browser is idle after a page shows, or after this long at most.
const AHEAD_TIMEOUT_MS = 500;

// Runs `run` once the browser is idle; returns the way to call it off. Safari has no
// requestIdleCallback: a timer stands in there.
function whenIdle(run: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(run, { timeout: AHEAD_TIMEOUT_MS });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 50);
  return () => clearTimeout(id);
}

// `shown`: the input (JSON, useCall's dataFor) of the page on screen, or nothing while the
// next one loads or after it failed; its neighbours are the same input at other offsets.
export function usePagesAhead<Q extends { offset?: number }>(prefetch: (input: Q) => Promise<void>, shown: string | undefined, total: number, pageSize: number): void {
  useEffect(() => {
    if (!shown) return;
    const input = JSON.parse(shown) as Q;
    const at = input.offset ?? 0;
    return whenIdle(() => {
      if (at + pageSize < total) void prefetch({ ...input, offset: at + pageSize });
      if (at > 0) void prefetch({ ...input, offset: Math.max(0, at - pageSize) });
    });
  }, [prefetch, shown, total, pageSize]);
}
