import type { Result } from '../../shared/contract';
import type { ClientEvent } from '../../shared/events';

// The messages between the desktop app's main process and its host process (an
// Electron utilityProcess running entry.ts). Both ends are ours; the renderer never
// sees them. Session tokens travel only here, between the two Node processes.

export interface HostStartOptions {
  dataDir: string;
  rendererDir: string;
  demo: boolean;
  nativeBinding?: string;
  // The audit seal key the main process read with safeStorage (which a utility process
  // does not have), as hex; null when there is none yet and the host is to make one.
  auditKeyHex: string | null;
}

export type ToHost =
  | { type: 'start'; options: HostStartOptions }
  | { type: 'call'; id: number; name: string; input: unknown; token: string | null; quiet: boolean }
  // Live events for one window's session; a null token, or unwatch, ends them.
  | { type: 'watch'; windowId: number; token: string | null }
  | { type: 'unwatch'; windowId: number }
  | { type: 'close' };

export type FromHost =
  // A key the host made on first start: the main process keeps it with safeStorage.
  | { type: 'saveKey'; keyHex: string }
  | { type: 'ready' }
  | { type: 'startFailed'; message: string }
  // token: the session after the call (a new one after login, null after logout).
  | { type: 'result'; id: number; result: Result<unknown>; token: string | null }
  | { type: 'event'; windowId: number; event: ClientEvent }
  | { type: 'closed' };

export const INTERNAL_ERROR: Result<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'Terjadi kesalahan di aplikasi; data yang sudah tersimpan tidak berubah. Coba lagi, dan hubungi admin bila berulang.',
  },
};
