import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Journey } from '../../../shared/schemas/workflow';
import { RiskBadge } from '../StatusBadge';
import { sisaWaktu } from '../tasks/remaining';
import { useDates, useExecutorLabel } from '../../lib/session';
import { Fact } from './ComplaintFacts';
import { standardDeadlineText, stepSuspendedText } from './suspended';

// Where the complaint stands: the running step and its time, or why nothing runs. While
// the file waits for the reporter no due date holds (it is worked out again when the file
// is completed): the page says so, with the working time left when the clock stopped.
export function CurrentStep({ journey }: { journey: Journey }) {
  const { long, dueLong } = useDates();
  const executor = useExecutorLabel();
  const c = journey.current;
  const stepSuspended = stepSuspendedText(journey);
  // As the office's clock has it, not this PC's.
  const overdue = journey.standardRisk === 'terlambat';
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>{c ? 'Langkah berjalan' : 'Status penanganan'}</Title>
        {c ? (
          <>
            <Text size="sm" fw={600}>
              Langkah {c.stepNo}: {c.activity}
            </Text>
            <Fact label="Pelaksana">{executor(c.executor)}</Fact>
            <Fact label="Batas waktu langkah">{dueLong(c.dueAt)}</Fact>
            <Group gap="xs" align="flex-end">
              <Fact label="Sisa waktu kerja">{sisaWaktu(c.remainingMinutes, c.risk, c)}</Fact>
              <RiskBadge risk={c.risk} />
            </Group>
          </>
        ) : journey.paused ? (
          <Alert color="yellow" p="xs" title="Menunggu kelengkapan">
            Waktu penanganan berhenti sampai pelapor melengkapi berkasnya. Setelah berkas diterima, catat pada &quot;Berkas sudah
            lengkap&quot; di kotak Tindakan; batas waktu dihitung ulang dari saat itu.
            {stepSuspended && (
              <Text size="sm" mt={4}>
                {stepSuspended}.
              </Text>
            )}
          </Alert>
        ) : journey.closedAt ? (
          <Text size="sm">Penanganan berakhir {long(journey.closedAt)}.</Text>
        ) : (
          <Text size="sm">Tidak ada langkah yang berjalan.</Text>
        )}
        {journey.exitNote && <Fact label="Keterangan penutupan">{journey.exitNote}</Fact>}
        <Fact label="Batas penyelesaian (Standar Pelayanan)">
          {standardDeadlineText(journey, dueLong)}
          {overdue && (
            <Text span c="red.8" fw={600} size="sm">
              {' '}
              (terlewati)
            </Text>
          )}
        </Fact>
      </Stack>
    </Card>
  );
}
