import { Badge, type MantineSize } from '@mantine/core';
import { STATUS_LABEL, type Status, RISK_LABEL, SIFAT_LABEL, type Risk, type Sifat } from '../../shared/domain';
import { RISK_COLOR, STATUS_COLOR } from './badges';

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

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

// What holds a complaint's journey apart from its status: raised past its due to whom the standard names, or paused for missing documents.
export function JourneyFlags({ escalated, paused, size }: { escalated: boolean; paused: boolean; size?: MantineSize }) {
  return (
    <>
      {escalated && (
        <Badge size={size} color="orange">
          Dieskalasi
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
