import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { Task } from '../../../shared/schemas/workflow';
import { EXECUTOR_LABEL } from '../../../shared/standards/schema';
import { useDates } from '../../lib/session';
import { JourneyFlags, SifatBadge } from '../StatusBadge';
import { PauseNote, StateBadges } from '../complaint/StateBadges';
import { sisaWaktu } from './remaining';
import clamp from '../clamp.module.css';

interface Props {
  tasks: Task[];
  label: string;
  empty: string;
}

// Long texts keep two lines in the table; the whole text shows on hover.
function Clipped({ text }: { text: string }) {
  return (
    <span className={clamp.clamp} title={text}>
      {text}
    </span>
  );
}

// A queue of open steps, in the order the core sends it (late first, then due; waiting files last).
export function TaskTable({ tasks, label, empty }: Props) {
  const { dueShort, dueLong } = useDates();
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
            <Table.Th w={120}>No. Register</Table.Th>
            <Table.Th>Perihal</Table.Th>
            <Table.Th w="21%">Langkah · pelaksana</Table.Th>
            <Table.Th w={165}>Batas waktu</Table.Th>
            <Table.Th w={115}>Sisa waktu langkah</Table.Th>
            <Table.Th w={185}>Ketepatan waktu</Table.Th>
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
                <Clipped text={t.subject} />
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
                <Clipped text={`${t.stepNo}. ${t.activity}`} />
                <Text size="xs" c="dimmed">
                  {EXECUTOR_LABEL[t.executor]}
                </Text>
              </Table.Td>
              {t.pause ? (
                <Table.Td colSpan={3}>
                  <PauseNote pause={t.pause} />
                </Table.Td>
              ) : (
                <>
                  <Table.Td>
                    <Text size="sm" title={dueLong(t.dueAt)} style={{ whiteSpace: 'nowrap' }}>
                      Langkah {dueShort(t.dueAt)}
                    </Text>
                    {t.standardDueAt && (
                      <Text size="xs" c="dimmed" title={dueLong(t.standardDueAt)} style={{ whiteSpace: 'nowrap' }}>
                        Standar {dueShort(t.standardDueAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td c={t.remainingMinutes < 0 ? 'red.8' : undefined}>{sisaWaktu(t.remainingMinutes, t.risk)}</Table.Td>
                  <Table.Td>
                    <StateBadges step={t.risk} standard={t.standardRisk} stacked />
                  </Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
