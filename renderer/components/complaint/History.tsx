import { Card, Stack, Table, Text, Title } from '@mantine/core';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { useDates } from '../../lib/session';
import { StatusBadge } from '../StatusBadge';

// Every recorded event of the complaint, oldest first. When and who share a column, so
// that Kegiatan keeps its room beside the action panel on a 1024 px screen.
export function History({ events }: { events: ComplaintDetail['events'] }) {
  const { short } = useDates();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Riwayat</Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={4} fz="sm" aria-label="Riwayat pengaduan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>Waktu · oleh</Table.Th>
                <Table.Th>Kegiatan</Table.Th>
                {/* Its width kept whole, so that a long status stays uncut on a 1024 px screen. */}
                <Table.Th w={185} miw={185}>
                  Status
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.map((e, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {short(e.at)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {e.actorName}
                    </Text>
                  </Table.Td>
                  {/* A letter's number ("000.8.3.4/98/Kec-Pgt/2026") may break, so the column can narrow. */}
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
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
