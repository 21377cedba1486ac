import type { ReactNode } from 'react';
import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL } from '../../../shared/domain';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { useDates } from '../../lib/session';
import { AttachmentList } from './AttachmentList';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children === '' || children === undefined ? '-' : children}
      </Text>
    </div>
  );
}

// What the reporter said and how it came in, as recorded at intake.
export function ComplaintFacts({ c }: { c: ComplaintDetail }) {
  const { long, date } = useDates();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Data pengaduan</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Fact label="Jenis">{COMPLAINT_KIND_LABEL[c.kind]}</Fact>
          <Fact label="Kanal">{CHANNEL_LABEL[c.channel]}</Fact>
          <Fact label="Kategori">{CATEGORY_LABEL[c.category]}</Fact>
          <Fact label="Diterima">{long(c.receivedAt)}</Fact>
          <Fact label="Diterima oleh">{c.receivedByName}</Fact>
          <Fact label="Nomor tracking SP4N-LAPOR!">{c.laporTrackingId}</Fact>
          <Fact label="Tempat kejadian">{c.incidentPlace}</Fact>
          <Fact label="Tanggal kejadian">{c.incidentDate ? date(c.incidentDate) : ''}</Fact>
        </SimpleGrid>
        <Fact label="Uraian">{c.description}</Fact>
        <Fact label="Kerugian">{c.loss}</Fact>
        <Fact label="Harapan/permintaan penyelesaian">{c.expectation}</Fact>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            Kelengkapan berkas
          </Text>
          {c.kelengkapan.length === 0 ? (
            <Text size="sm">Belum ada butir kelengkapan yang dicentang.</Text>
          ) : (
            <List size="sm" spacing={2}>
              {c.kelengkapan.map((k) => (
                <List.Item key={k}>{k}</List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            Lampiran pengaduan
          </Text>
          <AttachmentList items={c.attachments} />
        </div>
      </Stack>
    </Card>
  );
}
