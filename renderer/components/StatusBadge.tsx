import { Badge, type MantineSize } from '@mantine/core';
import { STATUS_LABEL, type Status, RISK_LABEL, SIFAT_LABEL, type Clock, type Risk, type Sifat } from '../../shared/domain';

// Also the register's plain badges (RegisterTable), so both read the same.
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

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export const RISK_COLOR: Record<Risk, string> = { aman: 'green', berisiko: 'yellow', terlambat: 'red' };

// The clocks an open complaint shows, the step's then the whole standard's; a clock with
// nothing to say (null) is left out.
export const shownClocks = (step: Risk | null, standard: Risk | null) =>
  ([['langkah', step], ['standar', standard]] as [Clock, Risk | null][]).filter((e): e is [Clock, Risk] => e[1] !== null);

export function RiskBadge({ risk }: { risk: Risk }) {
  return (
    <Badge color={RISK_COLOR[risk]} variant={risk === 'aman' ? 'light' : 'filled'}>
      {RISK_LABEL[risk]}
    </Badge>
  );
}

export const SIFAT_COLOR: Record<Sifat, string> = { sangat_segera: 'red', segera: 'orange', biasa: 'gray', rahasia: 'dark' };

export function SifatBadge({ sifat, size, title }: { sifat: Sifat; size?: MantineSize; title?: string }) {
  return (
    <Badge size={size} color={SIFAT_COLOR[sifat]} title={title}>
      {SIFAT_LABEL[sifat]}
    </Badge>
  );
}

// What holds a complaint's journey apart from its status: raised to the Camat, or paused for missing documents.
export function JourneyFlags({ escalated, paused, size }: { escalated: boolean; paused: boolean; size?: MantineSize }) {
  return (
    <>
      {escalated && (
        <Badge size={size} color="orange">
          Dieskalasi ke Camat
        </Badge>
      )}
      {paused && (
        <Badge size={size} color="yellow">
          Menunggu kelengkapan
        </Badge>
      )}
    </>
  );
}
