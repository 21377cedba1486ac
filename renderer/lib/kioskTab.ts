// The SKM kiosk in a browser. Every tab of the browser shares the sign-in cookie, so:
// - opening the kiosk in one tab turns the others to the kiosk too (they reload), so that
//   no complaint stays on a screen the public faces;
// - a tab that has shown the kiosk opens nobody's screens without a password typed in it,
//   even after a sign-in in another tab has put a session in the shared cookie.
// In the desktop app, with one window, only the second matters.

import { readPrivate, writePrivate } from './privateStore';

const KEY = 'kios';
const CHANNEL = 'tanggap-kios';
const STARTED = 'dibuka';

export const markKioskTab = () => writePrivate(KEY, '1');
export const forgetKioskTab = () => writePrivate(KEY, null);
export const wasKioskTab = () => readPrivate(KEY) === '1';

// BroadcastChannel reaches the other tabs of this browser on this origin, not this one.
const channel = () => (typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null);

export function announceKioskStarted(): void {
  const c = channel();
  c?.postMessage(STARTED);
  c?.close();
}

/** Calls `then` when another tab has opened the kiosk; returns the unsubscribe. */
export function onKioskStarted(then: () => void): () => void {
  const c = channel();
  if (!c) return () => undefined;
  c.onmessage = (ev: MessageEvent) => {
    if (ev.data === STARTED) then();
  };
  return () => c.close();
}
