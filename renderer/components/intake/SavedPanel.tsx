import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { COMPLAINT_KIND_LABEL } from '../../../shared/domain';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { ReceiptDocxButton } from '../ReceiptDocxButton';
import type { ReceiptHistory } from '../../pages/ReceiptPage';
import { useDates } from '../../lib/session';

interface Props {
  complaint: ComplaintDetail;
  onAnother(): void;
}

// What the officer sees right after saving: the register number to tell the reporter,
// and the tanda terima to hand over.
export function SavedPanel({ complaint, onAnother }: Props) {
  const navigate = useNavigate();
  const dates = useDates();

  return (
    <Paper withBorder p="xl" radius="md" bg="teal.0" role="status" aria-label="Pengaduan tersimpan">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <IconCircleCheck size={36} color="var(--mantine-color-teal-7)" aria-hidden />
          <div>
            <Text size="lg">{COMPLAINT_KIND_LABEL[complaint.kind]} tercatat dengan nomor</Text>
            <Title order={1} c="teal.9" ff="monospace" data-testid="nomor-register">
              {complaint.registerNo}
            </Title>
          </div>
        </Group>
        <Text size="sm">
          Perihal: <b>{complaint.subject}</b> · Pelapor: {complaint.reporter.anonymous ? 'Anonim' : complaint.reporterName} · Diterima{' '}
          {dates.long(complaint.receivedAt)}
          {complaint.attachments.length > 0 && ` · ${complaint.attachments.length} lampiran`}
        </Text>
        <Text size="sm" c="dimmed">
          Berikan tanda terima kepada pelapor dan sebutkan nomor register ini untuk menanyakan perkembangan.
        </Text>
        <Group gap="sm">
          <Button onClick={() => navigate(`/pengaduan/${complaint.id}/tanda-terima`, { state: { back: true } satisfies ReceiptHistory })}>Cetak tanda terima</Button>
          <ReceiptDocxButton complaintId={complaint.id} variant="light" />
          <Button variant="light" onClick={() => navigate(`/pengaduan/${complaint.id}`)}>
            Lihat detail
          </Button>
          <Button variant="default" onClick={onAnother}>
            Catat pengaduan lain
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
