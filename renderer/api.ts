import type { ApiError, CallInput, CallName, CallOutput, Result } from '../shared/contract';

// The renderer's only way to the core: the calls of shared/contract.ts, over the
// preload's invoke in Electron or POST /api/<call> in a browser. Failures arrive as
// ApiCallError with the core's code and Indonesian message.

declare global {
  interface Window {
    tanggap?: {
      invoke(name: string, input: unknown, quiet?: boolean): Promise<unknown>;
      // Live events pushed by the main process (renderer/lib/events.ts).
      onEvent?(cb: (e: unknown) => void): () => void;
      // A click on the desktop's system notification opens a page.
      onNavigate?(cb: (path: string) => void): () => void;
    };
  }
}

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly field?: string;
  readonly fields: Record<string, string>;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.field = error.field;
    this.fields = error.fields ?? {};
  }
}

const unreachable: ApiError = {
  code: 'internal',
  message: 'Aplikasi tidak dapat menghubungi server Tanggap. Periksa jaringan atau komputer induk, lalu coba lagi; isian Anda tidak hilang.',
};

async function overHttp(name: string, input: unknown, quiet: boolean): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tanggap': '1', ...(quiet && { 'x-tanggap-quiet': '1' }) },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: unreachable };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: unreachable };
  }
}

type Listener = (error: ApiCallError) => void;
const sessionListeners = new Set<Listener>();

// Whether the last call reached the server: false from a call that could not (the host PC
// off, the network down) until one does again. The app's frame shows it while it lasts.
let reachable = true;
const reachListeners = new Set<() => void>();
function reached(now: boolean) {
  if (now === reachable) return;
  reachable = now;
  for (const l of reachListeners) l();
}
export const serverReach = {
  subscribe(listener: () => void): () => void {
    reachListeners.add(listener);
    return () => reachListeners.delete(listener);
  },
  get: () => reachable,
};

// The app shell listens here to send the user back to the login page when a call
// finds the session ended (30 minutes idle), whichever screen made the call.
export function onSessionEnded(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

type Args<K extends CallName> = Record<never, never> extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

// `sent`: the same request already on its way (renderer/boot.js), its answer read as overHttp reads one.
// `quiet`: asked by the screen on its own, not by someone at the PC (callQuietly).
async function send(name: CallName, input: unknown, announce: boolean, sent?: Promise<unknown>, quiet = false): Promise<unknown> {
  const result = sent
    ? ((await sent.catch(() => ({ ok: false, error: unreachable }))) as Result<unknown>)
    : window.tanggap
      ? ((await window.tanggap.invoke(name, input, quiet)) as Result<unknown>)
      : await overHttp(name, input, quiet);
  reached(result.ok || result.error !== unreachable);
  if (result.ok) return result.value;
  const error = new ApiCallError(result.error);
  if (announce && error.code === 'unauthenticated' && name !== 'auth.login') {
    dropAhead();
    for (const l of sessionListeners) l(error);
  }
  throw error;
}

// Reads renderer/boot.js sent before the app knew a screen would ask for them (the
// register's first page), by call name: the first call of that name takes its answer
// when it asked for the same input and the answer succeeded, else asks afresh. Only while
// the page is starting (AHEAD_MS) and the same person is signed in: a login or logout
// drops them, so nobody is shown another user's rows or a page-load snapshot as current.
const AHEAD_MS = 10_000;
const ahead = new Map<CallName, { body: string; answer: Promise<unknown>; at: number }>();

export function keepAhead(name: CallName, body: string, answer: Promise<unknown>): void {
  answer.catch(() => undefined);
  ahead.set(name, { body, answer, at: performance.now() });
}

export function dropAhead(): void {
  ahead.clear();
}

export async function call<K extends CallName>(name: K, ...args: Args<K>): Promise<CallOutput<K>> {
  const input = args[0] ?? {};
  if (name === 'auth.login' || name === 'auth.logout') dropAhead();
  const sent = ahead.get(name);
  if (sent) {
    ahead.delete(name);
    const fresh = performance.now() - sent.at < AHEAD_MS && sent.body === JSON.stringify(input);
    const result = fresh ? ((await sent.answer.catch(() => null)) as Result<unknown> | null) : null;
    if (result?.ok) return result.value as CallOutput<K>;
  }
  return (await send(name, input, true)) as CallOutput<K>;
}

// A refresh the screen makes on its own (every minute, on a live event, when the window
// regains focus): it does not count as activity, so a PC left alone is still signed out
// after the idle time, by this very refresh.
export async function callQuietly<K extends CallName>(name: K, ...args: Args<K>): Promise<CallOutput<K>> {
  return (await send(name, args[0] ?? {}, true, undefined, true)) as CallOutput<K>;
}

// A read sent ahead of knowing whether anyone is signed in (the first screen's, beside
// auth.me): a refusal for want of a session answers only this read and ends no session.
export async function callAhead<K extends CallName>(name: K, ...args: Args<K>): Promise<CallOutput<K>> {
  return (await send(name, args[0] ?? {}, false)) as CallOutput<K>;
}

// The answer to a call (with no input) that renderer/boot.js sent early, as `call`
// (or, `ahead`, as `callAhead`) would give it.
export async function answerOf<K extends CallName>(name: K, sent: Promise<unknown>, ahead = false): Promise<CallOutput<K>> {
  return (await send(name, {}, !ahead, sent)) as CallOutput<K>;
}
