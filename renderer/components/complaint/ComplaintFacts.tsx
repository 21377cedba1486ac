import type { ReactNode } from 'react';
import { Anchor, Card, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
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

// Ticked (present) or not (missing), readable without colour too: the word says it.
function Mark({ ok }: { ok: boolean }) {
  return (
    <ThemeIcon size={18} radius="xl" color={ok ? 'teal.8' : 'red.8'} variant="light" aria-hidden>
      {ok ? <IconCheck size={12} /> : <IconX size={12} />}
    </ThemeIcon>
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
          <Fact label="Diterima">
            {long(c.receivedAt)}
            {c.backdated && (
              <Text size="xs" c="dimmed" component="span" display="block">
                Tanggal diterima diisi mundur; dicatat {long(c.enteredAt)}
              </Text>
            )}
          </Fact>
          <Fact label="Diterima oleh">{c.receivedByName}</Fact>
          {/* Each channel's own facts only: a letter's number and date, a LAPOR! report's tracking number. */}
          {c.channel === 'surat' && (
            <Fact label="Surat pelapor (nomor, tanggal)">{[c.letterNo || 'tanpa nomor', c.letterDate ? date(c.letterDate) : 'tanpa tanggal'].join(', ')}</Fact>
          )}
          {c.channel === 'sp4n_lapor' && <Fact label="Nomor tracking SP4N-LAPOR!">{c.laporTrackingId}</Fact>}
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
          {c.kelengkapan.length + c.kelengkapanMissing.length === 0 ? (
            <Text size="sm">Standar pelayanan tidak mensyaratkan kelengkapan berkas.</Text>
          ) : (
            <List size="sm" spacing={2} aria-label="Kelengkapan berkas" center>
              {c.kelengkapan.map((k) => (
                <List.Item key={k} icon={<Mark ok />}>
                  {k}
                </List.Item>
              ))}
              {c.kelengkapanMissing.map((k) => (
                <List.Item key={k} icon={<Mark ok={false} />}>
                  {k} <Text span size="xs" c="red.8" fw={600}>(belum ada)</Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        {c.links.length > 0 && (
          <div>
            <Text size="xs" c="dimmed" fw={600}>
              Pengaduan terkait (kemungkinan sama)
            </Text>
            <List size="sm" spacing={2} aria-label="Pengaduan terkait">
              {c.links.map((l) => (
                <List.Item key={l.id}>
                  <Anchor component={Link} to={`/pengaduan/${l.id}`} ff="monospace">
                    {l.registerNo}
                  </Anchor>{' '}
                  {l.subject}
                </List.Item>
              ))}
            </List>
          </div>
        )}
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
