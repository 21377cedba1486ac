// The SKM kiosk in a browser. Every tab of the browser shares the sign-in cookie, so:
// - opening the kiosk in one tab turns the others to the kiosk too (they reload), so that
//   no complaint stays on a screen the public faces;
// - a tab that has shown the kiosk opens nobody's screens without a password typed in it,
//   even after a sign-in in another tab has put a session in the shared cookie.
// In the desktop app, with one window, only the second matters.

import { readPrivate, writePrivate } from './privateStore';

// Read by renderer/boot.js too (its register read-ahead), by this name.
const KEY = 'kios';
const CHANNEL = 'tanggap-kios';
const STARTED = 'dibuka';

export const markKioskTab = () => writePrivate(KEY, '1');
export const forgetKioskTab = () => writePrivate(KEY, null);
export const wasKioskTab = () => readPrivate(KEY) === '1';

// One channel for the tab: a message posted on it reaches the channels of the other tabs
// (of this browser and origin), never its own, so the tab that opens the kiosk does not
// hear itself.
let tabChannel: BroadcastChannel | null | undefined;
const channel = () => (tabChannel ??= typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null);

export function announceKioskStarted(): void {
  channel()?.postMessage(STARTED);
}

/** Calls `then` when another tab has opened the kiosk; returns the unsubscribe. */
export function onKioskStarted(then: () => void): () => void {
  const c = channel();
  if (!c) return () => undefined;
  const heard = (ev: MessageEvent) => {
    if (ev.data === STARTED) then();
  };
  c.addEventListener('message', heard);
  return () => c.removeEventListener('message', heard);
}
