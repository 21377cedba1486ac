import { memo, useCallback, useEffect, useRef } from 'react';
import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link, useNavigate } from 'react-router';
import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL } from '../../../shared/domain';
import type { RegisterRow } from '../../../shared/schemas/workflow';
import { StatusBadge } from '../StatusBadge';
import { StateBadges } from '../complaint/StateBadges';
import { useDates } from '../../lib/session';
import type { SortDir, SortField } from './query';
import clamp from '../clamp.module.css';
import classes from './RegisterTable.module.css';

interface Props {
  rows: RegisterRow[];
  sort: SortField;
  dir: SortDir;
  onSort(field: SortField): void;
}

interface Column {
  header: string;
  width: string;
  sortField?: SortField;
}

// Jenis and kanal share a column so Perihal keeps its room at 1366 px.
const COLUMNS: Column[] = [
  { header: 'No. Register', width: '140px', sortField: 'registerNo' },
  { header: 'Diterima', width: '105px', sortField: 'receivedAt' },
  { header: 'Pelapor', width: '13%', sortField: 'reporterName' },
  { header: 'Perihal', width: 'auto' },
  { header: 'Jenis · kanal', width: '125px' },
  { header: 'Kategori', width: '10%' },
  { header: 'Status', width: '150px', sortField: 'status' },
  { header: 'Ketepatan waktu', width: '165px' },
];

// Every row has this height (RegisterTable.module.css keeps it: two lines at most per
// cell), so the virtualiser places rows by arithmetic and never measures one.
const ROW_HEIGHT = 52;

interface RowProps {
  row: RegisterRow;
  index: number;
  onOpen(id: number): void;
}

// Plain elements with CSS clamping: a page change or a scroll re-renders only the rows
// that are new, and each is a handful of nodes.
const Row = memo(function Row({ row, index, onOpen }: RowProps) {
  const { short } = useDates();
  return (
    <tr
      className={classes.row}
      data-index={index}
      aria-rowindex={index + 2}
      // The whole row opens the complaint for the mouse; the keyboard reaches it through the number's link.
      onClick={() => onOpen(row.id)}
    >
      <td>
        <Link to={`/pengaduan/${row.id}`} className={classes.number} onClick={(e) => e.stopPropagation()}>
          {row.registerNo}
        </Link>
      </td>
      <td>
        <span className={clamp.clamp}>{short(row.receivedAt)}</span>
      </td>
      <td>
        <span className={clamp.clamp} title={row.reporterName}>
          {row.reporterName}
        </span>
      </td>
      <td>
        <span className={clamp.clamp} title={row.subject}>
          {row.subject}
        </span>
      </td>
      <td>
        <span className={classes.line}>{COMPLAINT_KIND_LABEL[row.kind]}</span>
        <span className={`${classes.line} ${classes.dimmed}`}>{CHANNEL_LABEL[row.channel]}</span>
      </td>
      <td>
        <span className={clamp.clamp} title={CATEGORY_LABEL[row.category]}>
          {CATEGORY_LABEL[row.category]}
        </span>
      </td>
      <td>
        <StatusBadge status={row.status} />
      </td>
      <td>
        <StateBadges step={row.stepRisk} standard={row.standardRisk} size="xs" stacked />
      </td>
    </tr>
  );
});

function SortIcon({ active, dir }: { active: boolean; dir: SortDir }) {
  if (!active) return <IconArrowsSort size={14} aria-hidden opacity={0.4} />;
  return dir === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />;
}

// The rows of one page of the register, virtualised inside their own scroll box so a
// page of 200 stays smooth; the page itself does not scroll with the rows.
export function RegisterTable({ rows, sort, dir, onSort }: Props) {
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const onOpen = useCallback((id: number) => void navigate(`/pengaduan/${id}`), [navigate]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // A new page or filter starts at its first row, not where the previous list was scrolled
  // to. The virtualiser keeps the offset it last saw, so a box already at the top is not
  // touched: reading or setting its scroll position would force a layout before the paint.
  useEffect(() => {
    if (virtualizer.scrollOffset) scrollRef.current?.scrollTo({ top: 0 });
  }, [rows, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0]!.start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scrollRef} className={classes.scroll} tabIndex={-1}>
      <table className={classes.table} aria-label="Buku register pengaduan" aria-rowcount={rows.length + 1}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.header} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map(({ header, sortField }) => {
              const active = sortField !== undefined && sortField === sort;
              return (
                <th key={header} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  {sortField ? (
                    <UnstyledButton className={classes.sortButton} onClick={() => onSort(sortField)} title="Klik untuk mengurutkan">
                      {header}
                      <SortIcon active={active} dir={dir} />
                    </UnstyledButton>
                  ) : (
                    header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden className={classes.spacer}>
              <td colSpan={COLUMNS.length} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((v) => (
            <Row key={rows[v.index]!.id} row={rows[v.index]!} index={v.index} onOpen={onOpen} />
          ))}
          {padBottom > 0 && (
            <tr aria-hidden className={classes.spacer}>
              <td colSpan={COLUMNS.length} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
