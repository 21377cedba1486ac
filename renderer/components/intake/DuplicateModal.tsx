import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { STATUS_LABEL } from '../../../shared/domain';
import { SIMILAR_REASON_LABEL, type SimilarComplaint } from '../../../shared/schemas/complaint';
import { useDates } from '../../lib/session';

interface Props {
  candidates: SimilarComplaint[];
  saving: boolean;
  onNew(): void;
  onLink(id: number): void;
  onCancel(): void;
}

// Before saving: open complaints that may be the same one (same reporter or nearly the
// same text). The officer saves it as new, links it to one of them, or goes back.
export function DuplicateModal({ candidates, saving, onNew, onLink, onCancel }: Props) {
  const { long } = useDates();
  return (
    <Modal opened onClose={onCancel} title="Mungkin sudah pernah dicatat" size="lg" centered>
      <Stack gap="sm">
        <Text size="sm">
          Pengaduan yang masih berjalan berikut mirip dengan yang akan disimpan. Periksa dulu; bila sama, tautkan agar keduanya ditangani bersama.
        </Text>
        {candidates.map((c) => (
          <Paper key={c.id} component="section" withBorder p="sm" radius="sm" aria-label={`Pengaduan ${c.registerNo}`}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Text fw={700} ff="monospace">
                    {c.registerNo}
                  </Text>
                  <Badge variant="filled" color={c.reason === 'isi mirip' ? 'blue.9' : 'orange.9'} tt="none">
                    {SIMILAR_REASON_LABEL[c.reason]}
                  </Badge>
                </Group>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {c.subject}
                </Text>
                <Text size="xs" c="dimmed">
                  Diterima {long(c.receivedAt)} · {STATUS_LABEL[c.status]}
                </Text>
              </Stack>
              <Button size="xs" variant="light" disabled={saving} onClick={() => onLink(c.id)} style={{ flexShrink: 0 }}>
                Simpan dan tautkan ke {c.registerNo}
              </Button>
            </Group>
          </Paper>
        ))}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel} disabled={saving}>
            Batal
          </Button>
          <Button onClick={onNew} loading={saving}>
            Tetap simpan sebagai pengaduan baru
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
