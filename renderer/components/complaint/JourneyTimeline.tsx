import { Badge, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import type { Journey } from '../../../shared/schemas/workflow';
import { useDates, useExecutorLabel } from '../../lib/session';
import { stepSuspendedText } from './suspended';

type Step = Journey['steps'][number];

function StepBadges({ s, current }: { s: Step; current: boolean }) {
  if (!current && !s.completedAt && s.onTime === null && !s.escalated) return null;
  return (
    <Group gap={4} my={2}>
      {current && (
        <Badge size="sm" color="blue">
          Sedang berjalan
        </Badge>
      )}
      {s.completedAt && s.onTime === true && (
        <Badge size="sm" color="green" variant="light">
          Tepat waktu
        </Badge>
      )}
      {s.onTime === false && (
        <Badge size="sm" color="red" variant="light">
          Terlambat
        </Badge>
      )}
      {s.escalated && (
        <Badge size="sm" color="orange" variant="light">
          Dieskalasi
        </Badge>
      )}
    </Group>
  );
}

// The office's Standar Pelayanan step by step, with what happened at each step so far.
export function JourneyTimeline({ journey }: { journey: Journey }) {
  const { short, dueShort } = useDates();
  const executor = useExecutorLabel();
  const currentNo = journey.current?.stepNo ?? null;
  // While the file waits for the reporter, the step it stopped at has no due date.
  const stepSuspended = stepSuspendedText(journey);
  const reached = journey.steps.reduce((n, s, i) => (s.startedAt ? i : n), -1);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <div>
          <Title order={4}>Perjalanan pengaduan</Title>
          <Text size="xs" c="dimmed">
            {journey.standardName} · Standar Pelayanan versi {journey.standardVersion}
          </Text>
        </div>
        <Timeline active={reached} bulletSize={24} lineWidth={2}>
          {journey.steps.map((s) => (
            <Timeline.Item
              key={s.no}
              bullet={<Text size="xs" fw={700}>{s.no}</Text>}
              title={
                <Text size="sm" fw={600} c={s.startedAt ? undefined : 'dimmed'}>
                  {s.activity}
                </Text>
              }
            >
              <StepBadges s={s} current={s.no === currentNo} />
              <Text size="xs" c="dimmed">
                Pelaksana: {executor(s.executor)} · Waktu: {s.duration}
                {s.output && ` · Hasil: ${s.output}`}
              </Text>
              {s.startedAt && (
                <Text size="xs">
                  Mulai {short(s.startedAt)}
                  {stepSuspended && !s.completedAt ? ` · ${stepSuspended}` : s.dueAt && ` · Batas waktu ${dueShort(s.dueAt)}`}
                </Text>
              )}
              {s.completedAt && (
                <Text size="xs">
                  Selesai {short(s.completedAt)}
                  {s.completedByName && ` oleh ${s.completedByName}`}
                </Text>
              )}
              {s.note && (
                <Text size="xs" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                  Catatan: {s.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}
