import { memo, useEffect, useRef, useState } from 'react';
import { UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer, type Range } from '@tanstack/react-virtual';
import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, STATUS_LABEL } from '../../../shared/domain';
import type { RegisterRow } from '../../../shared/schemas/workflow';
import { formatSingkat } from '../../../shared/time/format';
import type { TimeZoneId } from '../../../shared/time/workingTime';
import { followRowLink } from '../../lib/links';
import { PlainClocks, usePalette, type Palette } from '../plainBadge';
import { STATUS_COLOR } from '../badges';
import { REGISTER_LABEL } from '../../lib/earlyScreen';
import { COLUMNS, ROW_HEIGHT } from './plainRows';
import type { SortField } from '../../../shared/registerQuery';
import type { SortDir } from './query';
import clamp from '../clamp.module.css';
import badge from '../plainBadge.module.css';
import classes from './RegisterTable.module.css';

const clampClip = `${clamp.clamp} ${classes.clip}`;

interface Props {
  rows: RegisterRow[];
  sort: SortField;
  dir: SortDir;
  tz: TimeZoneId;
  onSort(field: SortField): void;
  onOpen(id: number): void;
}

// The rows drawn are the ones in view, widened on each side to a multiple of CHUNK (and
// MARGIN more), so scrolling changes the table once every few rows, not on every frame.
const CHUNK = 10;
const MARGIN = 2;
function chunkedRange({ startIndex, endIndex, count }: Range): number[] {
  const first = Math.max(0, Math.floor(startIndex / CHUNK) * CHUNK - MARGIN);
  const last = Math.min(count - 1, (Math.floor(endIndex / CHUNK) + 1) * CHUNK - 1 + MARGIN);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(i);
  return out;
}

// A new list is drawn first with only the rows in view (and the virtualiser's one row of
// overscan), so the frame that shows the new page, order or filter has half the rows to
// style, lay out and paint; the chunk around them follows in the next frame.
function inView({ startIndex, endIndex, overscan, count }: Range): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, startIndex - overscan); i <= Math.min(count - 1, endIndex + overscan); i++) out.push(i);
  return out;
}

interface RowProps {
  row: RegisterRow;
  index: number;
  tz: TimeZoneId;
  palette: Palette;
  onOpen(id: number): void;
}

// Plain elements with CSS clamping and plain badges: a page change or a scroll renders only
// the rows that are new, each a handful of nodes, and no row listens to the router.
// plainRows.ts draws the same row without React for the early screen: change both.
const Row = memo(function Row({ row, index, tz, palette, onOpen }: RowProps) {
  return (
    <tr
      className={classes.row}
      data-index={index}
      aria-rowindex={index + 2}
      // The whole row opens the complaint for the mouse; the keyboard reaches it through the number's link.
      onClick={() => onOpen(row.id)}
    >
      <td>
        <a href={`/pengaduan/${row.id}`} className={classes.number} onClick={(e) => followRowLink(e, row.id, onOpen)}>
          {row.registerNo}
        </a>
      </td>
      <td>
        <span className={clampClip}>{formatSingkat(row.receivedAt, tz)}</span>
      </td>
      <td>
        <span className={clampClip} title={row.reporterName}>
          {row.reporterName}
        </span>
      </td>
      <td>
        <span className={clampClip} title={row.subject}>
          {row.subject}
        </span>
      </td>
      <td>
        <span className={classes.line} title={COMPLAINT_KIND_LABEL[row.kind]}>
          {COMPLAINT_KIND_LABEL[row.kind]}
        </span>
        <span className={`${classes.line} ${classes.dimmed}`} title={CHANNEL_LABEL[row.channel]}>
          {CHANNEL_LABEL[row.channel]}
        </span>
      </td>
      <td>
        <span className={clampClip} title={CATEGORY_LABEL[row.category]}>
          {CATEGORY_LABEL[row.category]}
        </span>
      </td>
      <td>
        <span className={badge.badge} style={palette(STATUS_COLOR[row.status]!, 'light', true)}>
          {STATUS_LABEL[row.status]}
        </span>
      </td>
      <td>
        <PlainClocks step={row.stepRisk} standard={row.standardRisk} size="xs" palette={palette} />
      </td>
    </tr>
  );
});

function SortIcon({ active, dir }: { active: boolean; dir: SortDir }) {
  if (!active) return <IconArrowsSort size={14} aria-hidden opacity={0.4} />;
  return dir === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden />;
}

const Header = memo(function Header({ sort, dir, onSort }: Pick<Props, 'sort' | 'dir' | 'onSort'>) {
  return (
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
  );
});

// The rows of one page of the register, virtualised inside their own scroll box; the page
// itself does not scroll with the rows. Memoised: the page's own state (loading, typing in
// the search box) does not touch the table.
export const RegisterTable = memo(function RegisterTable({ rows, sort, dir, tz, onSort, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const palette = usePalette();

  // `wide` turns off for each new list (set while rendering, so the first render of the list
  // is the narrow one) and on again once the frame showing it has been drawn.
  const [wide, setWide] = useState(false);
  const [listShown, setListShown] = useState(rows);
  if (listShown !== rows) {
    setListShown(rows);
    setWide(false);
  }
  useEffect(() => {
    if (wide) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => (timer = window.setTimeout(() => setWide(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [wide]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    rangeExtractor: wide ? chunkedRange : inView,
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
    // The box sits in a plain block of its own: the browser lays out a contained box on its
    // own only when it is not a flex item (the page's Stack is a flexbox).
    <div>
      <div ref={scrollRef} className={classes.scroll} tabIndex={-1}>
        <table className={classes.table} aria-label={REGISTER_LABEL} aria-rowcount={rows.length + 1}>
          <colgroup>
            {COLUMNS.map((c) => (
              <col key={c.header} style={{ width: c.width }} />
            ))}
          </colgroup>
          <Header sort={sort} dir={dir} onSort={onSort} />
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden className={classes.spacer}>
                <td colSpan={COLUMNS.length} style={{ height: padTop }} />
              </tr>
            )}
            {/* Keyed by place, not by complaint: a new page, order or filter fills the rows already
              there (text and attributes change) instead of taking them out of the table and
              building new ones. */}
            {items.map((v) => (
              <Row key={v.index} row={rows[v.index]!} index={v.index} tz={tz} palette={palette} onOpen={onOpen} />
            ))}
            {padBottom > 0 && (
              <tr aria-hidden className={classes.spacer}>
                <td colSpan={COLUMNS.length} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
});
