import type { LanStatus } from '../../../shared/schemas/server';

// The LAN server of the host process (main/host/lan.ts), as the core sees it: what it
// is doing, and "read the Admin's setting again and act on it".
export interface LanControl {
  status(): LanStatus;
  apply(): Promise<LanStatus>;
}
