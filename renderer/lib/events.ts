import { useEffect, useRef } from 'react';
import { EVENTS_URL, type ClientEvent } from '../../shared/events';

// Live events from the core, the same for every screen: pushed over the preload's
// onEvent in the desktop app, streamed from GET /api/events (server-sent events, cookie
// session) in a browser. One connection per page, open while some screen listens
// (the signed-in layout always does), so it follows login and logout by itself.

type Listener = (e: ClientEvent) => void;

const listeners = new Set<Listener>();
let close: (() => void) | null = null;

// Reconnecting waits longer after each failure (the server restarting, the network
// gone), up to half a minute, and starts short again once a stream is open.
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

// The events' schema (and zod with it) is fetched with the first event, not with the first
// screen. Events wait for it in the order they came.
let schema: Promise<typeof import('../../shared/schemas/events')> | null = null;

function deliver(raw: unknown) {
  schema ??= import('../../shared/schemas/events');
  void schema.then(
    ({ clientEventSchema }) => {
      const parsed = clientEventSchema.safeParse(raw);
      if (!parsed.success) return;
      for (const fn of [...listeners]) fn(parsed.data);
    },
    () => {
      // Not fetched (the server gone meanwhile): asked again with the next event.
      schema = null;
    },
  );
}

function openStream(): () => void {
  let source: EventSource | null = null;
  let retry: number | undefined;
  let wait = RETRY_FIRST_MS;
  let stopped = false;
  const connect = () => {
    source = new EventSource(EVENTS_URL);
    source.onopen = () => {
      wait = RETRY_FIRST_MS;
    };
    source.onmessage = (m: MessageEvent<string>) => {
      try {
        deliver(JSON.parse(m.data));
      } catch {
        // A garbled line is skipped; the next event comes whole.
      }
    };
    // The session ended (logout, expiry): the next sign-in opens a new stream.
    source.addEventListener('end', () => source?.close());
    source.onerror = () => {
      // The browser retries a dropped stream itself; a refused one (401, 429, server down) is closed.
      if (!source || source.readyState !== EventSource.CLOSED || stopped) return;
      retry = window.setTimeout(connect, wait);
      wait = Math.min(wait * 2, RETRY_MAX_MS);
    };
  };
  connect();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    source?.close();
  };
}

function connect(): () => void {
  const push = window.tanggap?.onEvent;
  if (push) return push(deliver);
  if (typeof EventSource === 'undefined') return () => {};
  return openStream();
}

function listen(fn: Listener): () => void {
  listeners.add(fn);
  close ??= connect();
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && close) {
      close();
      close = null;
    }
  };
}

/** Calls handler with every live event while the component is mounted. */
export function useLiveEvents(handler: Listener): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => listen((e) => latest.current(e)), []);
}

/** Reloads when the core says queues changed (also a disposition or document event). */
export function useQueueReload(reload: () => void, enabled = true): void {
  useLiveEvents((e) => {
    if (enabled && e.kind === 'queues.changed') reload();
  });
}
