import type { Clock, Risk, Status } from '../../shared/domain';

// The badges' colours, apart from the Mantine components that draw them: the register's
// early screen (renderer/earlyScreen.ts) draws its rows before Mantine is loaded.

// Mantine's Badge (StatusBadge.tsx) and the register's plain badges read the same.
export const STATUS_COLOR: Record<Status, string> = {
  diterima: 'blue',
  diverifikasi: 'cyan',
  didisposisi: 'indigo',
  ditindaklanjuti: 'violet',
  tanggapan_disusun: 'grape',
  diparaf: 'grape',
  ditandatangani: 'teal',
  dikirim: 'teal',
  selesai: 'green',
  diarsipkan: 'gray',
  tidak_lengkap: 'yellow',
  bukan_kewenangan: 'orange',
  ditolak: 'red',
  dicabut: 'gray',
};

export const RISK_COLOR: Record<Risk, string> = { aman: 'green', berisiko: 'yellow', terlambat: 'red' };

// The clocks an open complaint shows, the step's then the whole standard's; a clock with
// nothing to say (null) is left out.
export const shownClocks = (step: Risk | null, standard: Risk | null) =>
  ([['langkah', step], ['standar', standard]] as [Clock, Risk | null][]).filter((e): e is [Clock, Risk] => e[1] !== null);
