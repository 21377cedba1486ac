import { Anchor, Badge, Card, Group, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ScanAwaited } from '../../../shared/schemas/documents';
import { useDates } from '../../lib/session';

// Letters printed to be signed by hand whose signed sheet has not been scanned in yet
// (documents.scansAwaited): whoever records the scans (the Staf, or the Camat or Sekcam for a
// letter not in his own signature queue) uploads each on the letter's page (Unggah hasil
// pindai). Nothing is drawn while none waits.
export function ScansAwaited({ items }: { items: ScanAwaited[] }) {
  const { short } = useDates();
  if (items.length === 0) return null;
  return (
    <Card withBorder padding="xs" mb="md">
      <Group gap="xs" mb={4}>
        <Title order={3} size="h4" id="menunggu-pindai">
          Menunggu hasil pindai
        </Title>
        <Badge size="sm" variant="light" color="orange">
          {items.length}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        Naskah yang sudah dicetak untuk ditandatangani basah. Setelah lembarnya ditandatangani dan dicap, pindai lembar itu dan unggah hasilnya di halaman dokumennya; sebelum itu,
        surat belum tercatat ditandatangani.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-labelledby="menunggu-pindai" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Dokumen</Table.Th>
              <Table.Th>Pengaduan</Table.Th>
              <Table.Th>Akan ditandatangani oleh</Table.Th>
              <Table.Th>Dicetak</Table.Th>
              <Table.Th aria-label="Tindakan" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {i.title}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    Nomor {i.number}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.registerNo}</Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {i.subject}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.signer}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {short(i.printedAt)}
                  </Text>
                  {i.printedByName && (
                    <Text size="xs" c="dimmed">
                      oleh {i.printedByName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Anchor component={Link} to={`/dokumen/${i.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    Unggah hasil pindai
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
