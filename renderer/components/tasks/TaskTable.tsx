import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Task } from '../../../shared/schemas/workflow';
import { EXECUTOR_LABEL } from '../../../shared/standards/schema';
import { useDates } from '../../lib/session';
import { JourneyFlags, RiskBadge, SifatBadge } from '../StatusBadge';
import { sisaWaktu } from './remaining';

interface Props {
  tasks: Task[];
  label: string;
  empty: string;
}

// A queue of open steps, in the order the core sends it (due first, waiting files last).
export function TaskTable({ tasks, label, empty }: Props) {
  const { short, long } = useDates();
  const navigate = useNavigate();
  if (tasks.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover verticalSpacing="xs" fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={125}>No. Register</Table.Th>
            <Table.Th>Perihal</Table.Th>
            <Table.Th w={220}>Langkah</Table.Th>
            <Table.Th w={110}>Pelaksana</Table.Th>
            <Table.Th w={125}>Batas waktu</Table.Th>
            <Table.Th w={125}>Sisa waktu</Table.Th>
            <Table.Th w={150}>Risiko</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tasks.map((t) => (
            <Table.Tr key={t.complaintId} style={{ cursor: 'pointer' }} onClick={() => void navigate(`/pengaduan/${t.complaintId}`)}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/pengaduan/${t.complaintId}`} onClick={(e) => e.stopPropagation()} fw={600} size="sm">
                  {t.registerNo}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {t.subject}
                </Text>
                <Group gap={4} mt={2}>
                  {t.disposition && <SifatBadge size="xs" sifat={t.disposition.sifat} title={`Disposisi dari ${t.disposition.fromName}`} />}
                  {t.disposition && !t.disposition.opened && (
                    <Badge size="xs" color="yellow" variant="outline">
                      Belum dibuka
                    </Badge>
                  )}
                  <JourneyFlags size="xs" escalated={t.escalated} paused={t.paused} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2}>
                  {t.stepNo}. {t.activity}
                </Text>
              </Table.Td>
              <Table.Td>{EXECUTOR_LABEL[t.executor]}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }} title={long(t.dueAt)}>
                {short(t.dueAt)}
              </Table.Td>
              <Table.Td c={t.remainingMinutes < 0 ? 'red.8' : undefined}>{sisaWaktu(t.remainingMinutes, t.risk, t.paused)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{!t.paused && <RiskBadge risk={t.risk} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
