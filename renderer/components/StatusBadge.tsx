import { Badge } from '@mantine/core';
import { STATUS_LABEL, type Status } from '../../shared/domain';
import { RISK_LABEL, type Risk } from '../../shared/schemas/workflow';

const STATUS_COLOR: Record<Status, string> = {
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

const RISK_COLOR: Record<Risk, string> = { aman: 'green', berisiko: 'yellow', terlambat: 'red' };

export function RiskBadge({ risk }: { risk: Risk }) {
  return (
    <Badge color={RISK_COLOR[risk]} variant={risk === 'aman' ? 'light' : 'filled'}>
      {RISK_LABEL[risk]}
    </Badge>
  );
}
