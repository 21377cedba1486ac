import { memo, useCallback } from 'react';
import { Table, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import type { Task } from '../../../shared/schemas/workflow';
import { SIFAT_LABEL } from '../../../shared/domain';
import { followRowLink } from '../../lib/links';
import { useDates, useExecutorLabel } from '../../lib/session';
import { PlainClocks, usePalette, type Palette } from '../plainBadge';
import { SIFAT_COLOR } from '../StatusBadge';
import { pauseText } from '../complaint/StateBadges';
import { sisaWaktu } from './remaining';
import badge from '../plainBadge.module.css';
import clamp from '../clamp.module.css';
import classes from './TaskTable.module.css';

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

// The marks under the subject: the disposition's sifat (and whether it was opened), and
// what holds the journey apart from its status. As SifatBadge and JourneyFlags draw them.
function Flags({ task: t, palette }: { task: Task; palette: Palette }) {
  const xs = `${badge.badge} ${badge.xs}`;
  return (
    <span className={classes.flags}>
      {t.disposition && (
        <span className={xs} style={palette(SIFAT_COLOR[t.disposition.sifat], 'filled')} title={`Disposisi dari ${t.disposition.fromName}`}>
          {SIFAT_LABEL[t.disposition.sifat]}
        </span>
      )}
      {t.disposition && !t.disposition.opened && (
        <span className={xs} style={palette('yellow', 'outline')}>
          Belum dibuka
        </span>
      )}
      {t.escalated && (
        <span className={xs} style={palette('orange', 'filled')}>
          Dieskalasi
        </span>
      )}
      {t.paused && (
        <span className={xs} style={palette('yellow', 'filled')}>
          Menunggu kelengkapan
        </span>
      )}
    </span>
  );
}

interface RowProps {
  task: Task;
  palette: Palette;
  onOpen(id: number): void;
}

// One task, in plain elements (a queue may hold hundreds). Memoised on the task itself: a
// queue read again keeps the objects of the tasks that did not change (useCall), so a
// refresh renders only the rows that did. A plain link, not the router's, so no row
// renders again when the address changes.
const TaskRow = memo(function TaskRow({ task: t, palette, onOpen }: RowProps) {
  const dates = useDates();
  const executor = useExecutorLabel();
  const { dueShort, dueLong } = dates;
  return (
    <tr className={classes.row} onClick={() => onOpen(t.complaintId)}>
      <td className={classes.nowrap}>
        <a href={`/pengaduan/${t.complaintId}`} className={classes.number} onClick={(e) => followRowLink(e, t.complaintId, onOpen)}>
          {t.registerNo}
        </a>
      </td>
      <td>
        <Clipped text={t.subject} />
        {(t.disposition || t.escalated || t.paused) && <Flags task={t} palette={palette} />}
      </td>
      <td>
        <Clipped text={`${t.stepNo}. ${t.activity}`} />
        <span className={classes.dimmed}>{executor(t.executor)}</span>
      </td>
      {t.pause ? (
        <td colSpan={3}>{pauseText(t.pause, dates)}</td>
      ) : (
        <>
          <td>
            <span className={classes.due} title={dueLong(t.dueAt)}>
              Langkah {dueShort(t.dueAt)}
            </span>
            {t.standardDueAt && (
              <span className={`${classes.due} ${classes.dimmed}`} title={dueLong(t.standardDueAt)}>
                Standar {dueShort(t.standardDueAt)}
              </span>
            )}
          </td>
          <td className={t.remainingMinutes < 0 ? classes.late : undefined}>{sisaWaktu(t.remainingMinutes, t.risk, t)}</td>
          <td>
            <PlainClocks step={t.risk} standard={t.standardRisk} size="sm" palette={palette} />
          </td>
        </>
      )}
    </tr>
  );
});

// A queue of open steps, in the order the core sends it (late first, then due; waiting files last).
export const TaskTable = memo(function TaskTable({ tasks, label, empty }: Props) {
  const navigate = useNavigate();
  const open = useCallback((id: number) => void navigate(`/pengaduan/${id}`), [navigate]);
  const palette = usePalette();
  if (tasks.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    // Narrower than this it scrolls inside its box; 960 px fits the queue's box on a 1024 px
    // screen (the menu folded, Layout.tsx). Perihal takes what the other columns leave, so
    // theirs are as narrow as their contents allow: about 200 px are left for it there.
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>No. Register</Table.Th>
            <Table.Th>Perihal</Table.Th>
            <Table.Th w="19%">Langkah · pelaksana</Table.Th>
            <Table.Th w={165}>Batas waktu</Table.Th>
            <Table.Th w={115}>Sisa waktu langkah</Table.Th>
            <Table.Th w={170}>Ketepatan waktu</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <tbody>
          {tasks.map((t) => (
            <TaskRow key={t.complaintId} task={t} palette={palette} onOpen={open} />
          ))}
        </tbody>
      </Table>
    </Table.ScrollContainer>
  );
});
