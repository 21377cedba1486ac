import { formatDurasi } from '../../../shared/time/format';
import type { Risk } from '../../../shared/domain';

// Working time left on a step, as the queue and the complaint page both say it. A step
// behind by whole working days says so in days, as the office counts them (the core's
// daysBehind, on the office's clock); on the due's own day, in hours and minutes.
export function sisaWaktu(minutes: number, risk: Risk, daysBehind: number): string {
  if (minutes < 0) return `terlambat ${daysBehind > 0 ? `${daysBehind} hari kerja` : formatDurasi(minutes)}`;
  // Past due but no working minute has gone by yet (e.g. after office hours).
  if (risk === 'terlambat') return 'batas waktu terlewati';
  return formatDurasi(minutes);
}
