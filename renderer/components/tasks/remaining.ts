import { formatDurasi } from '../../../shared/time/format';
import type { Risk } from '../../../shared/domain';

// Working time left on a step, as the queue and the complaint page both say it.
export function sisaWaktu(minutes: number, risk: Risk): string {
  if (minutes < 0) return `terlambat ${formatDurasi(minutes)}`;
  // Past due but no working minute has gone by yet (e.g. after office hours).
  if (risk === 'terlambat') return 'batas waktu terlewati';
  return formatDurasi(minutes);
}
