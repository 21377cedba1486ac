import { formatDurasi } from '../../../shared/time/format';
import type { Risk } from '../../../shared/domain';

// Working time left on a step, as the queue and the complaint page both say it. A due on a
// later working day than today, or a step behind by whole working days, says so in days, as
// the office counts them (the core's daysLeft and daysBehind, on the office's clock); on the
// due's own day, in hours and minutes.
export function sisaWaktu(minutes: number, risk: Risk, days: { daysBehind: number; daysLeft: number }): string {
  if (minutes < 0) return `terlambat ${days.daysBehind > 0 ? `${days.daysBehind} hari kerja` : formatDurasi(minutes)}`;
  // Past due but no working minute has gone by yet (e.g. after office hours).
  if (risk === 'terlambat') return 'batas waktu terlewati';
  return days.daysLeft > 0 ? `${days.daysLeft} hari kerja lagi` : formatDurasi(minutes);
}
