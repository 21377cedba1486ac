import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { useDates } from '../../lib/session';
import { StatusBadge } from '../StatusBadge';

// Every recorded event of the complaint, oldest first.
export function History({ events }: { events: ComplaintDetail['events'] }) {
  const { short } = useDates();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Riwayat</Title>
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={4} fz="sm" aria-label="Riwayat pengaduan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>Waktu</Table.Th>
                <Table.Th w={160}>Oleh</Table.Th>
                <Table.Th>Kegiatan</Table.Th>
                <Table.Th w={175}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{short(e.at)}</Table.Td>
                  <Table.Td>{e.actorName}</Table.Td>
                  <Table.Td>
                    {e.action}
                    {e.note && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {e.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.status && <StatusBadge status={e.status} />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Card>
  );
}
