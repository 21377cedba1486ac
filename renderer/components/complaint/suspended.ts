import { formatDurasi } from '../../../shared/time/format';
import type { Journey } from '../../../shared/schemas/workflow';

// The words for the clocks of a file waiting for the reporter: no due date runs (the one
// from before the pause is worked out again when the file is completed), only the working
// time each clock had left when it stopped, as the core counted it.

const SUSPENDED_DUE = 'Ditangguhkan — menunggu pelapor; batas dihitung ulang saat berkas dilengkapi';

/** The working time a clock had left when it stopped, or how far past its due it already was. */
function leftWhenStopped(minutes: number): string {
  if (minutes < 0) return `saat dihentikan sudah lewat ${formatDurasi(minutes)} dari batasnya`;
  return `sisa waktu kerja saat dihentikan ${formatDurasi(minutes)}`;
}

/** The whole standard's deadline as the page reads it; `dueLong` writes a due date. */
export function standardDeadlineText(j: Pick<Journey, 'dueAt' | 'suspended' | 'clockStartedAt'>, dueLong: (iso: string) => string): string {
  const notStarted = 'Dihitung setelah berkas pengaduan lengkap';
  if (j.suspended) {
    const left = j.suspended.standardMinutesLeft;
    if (left === null) return j.clockStartedAt ? SUSPENDED_DUE : notStarted;
    return `${SUSPENDED_DUE} (${leftWhenStopped(left)})`;
  }
  return j.dueAt ? dueLong(j.dueAt) : notStarted;
}

/** The running step's due while the file waits, for the step's line on the page; null when no step had a clock. */
export function stepSuspendedText(j: Pick<Journey, 'suspended'>): string | null {
  const left = j.suspended?.stepMinutesLeft;
  if (left === undefined || left === null) return null;
  return `Batas waktu langkah ditangguhkan (${leftWhenStopped(left)})`;
}
