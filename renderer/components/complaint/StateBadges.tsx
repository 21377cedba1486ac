import { Badge, Group, Stack, Text, type MantineSize } from '@mantine/core';
import { CLOCK_LABEL, RISK_LABEL, type Risk } from '../../../shared/domain';
import { useDates } from '../../lib/session';
import { RISK_COLOR, shownClocks } from '../badges';

interface Props {
  step: Risk | null;
  standard: Risk | null;
  size?: MantineSize;
  // In a narrow table cell the two clocks sit one above the other.
  stacked?: boolean;
}

// Both clocks of an open complaint: the current step's and the whole standard's. A step
// on time inside a standard already past must never read as simply "on time".
export function StateBadges({ step, standard, size = 'sm', stacked = false }: Props) {
  const badges = shownClocks(step, standard).map(([clock, risk]) => (
      <Badge key={clock} size={size} color={RISK_COLOR[risk]} variant={risk === 'aman' ? 'light' : 'filled'} autoContrast tt="none" data-clock={clock} data-risk={risk}>
        {CLOCK_LABEL[clock]}: {RISK_LABEL[risk]}
      </Badge>
    ));
  if (badges.length === 0) return null;
  return stacked ? (
    <Stack gap={4} align="flex-start">
      {badges}
    </Stack>
  ) : (
    <Group gap={6}>{badges}</Group>
  );
}

// A file waiting for the reporter: no due runs, only the date it waits since and when
// the sweep withdraws it.
type Pause = { since: string; withdrawAt: string };

export function PauseNote({ pause, size = 'sm' }: { pause: Pause; size?: MantineSize }) {
  return <Text size={size}>{pauseText(pause, useDates())}</Text>;
}

// The same words as text, for the queue's plain rows.
export const pauseText = (pause: Pause, { short, dueShort }: Pick<ReturnType<typeof useDates>, 'short' | 'dueShort'>) =>
  `Menunggu kelengkapan sejak ${short(pause.since)}, dicabut otomatis pada ${dueShort(pause.withdrawAt)}`;
