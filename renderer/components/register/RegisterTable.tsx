import { useEffect, useMemo, useRef } from 'react';
import { Anchor, Box, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Link, useNavigate } from 'react-router';
import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL } from '../../../shared/domain';
import type { RegisterRow } from '../../../shared/schemas/workflow';
import { StatusBadge } from '../StatusBadge';
import { StateBadges } from '../complaint/StateBadges';
import { useDates } from '../../lib/session';
import type { SortDir, SortField } from './query';
import classes from './RegisterTable.module.css';

interface Props {
  rows: RegisterRow[];
  sort: SortField;
  dir: SortDir;
  onSort(field: SortField): void;
}

interface ColumnMeta {
  width: string;
  sortField?: SortField;
}

const ROW_HEIGHT = 45;

// The rows of one page of the register, virtualised inside their own scroll box so a
// page of 200 stays smooth; the page itself does not scroll with the rows.
export function RegisterTable({ rows, sort, dir, onSort }: Props) {
  const dates = useDates();
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);

  const columns = useMemo<ColumnDef<RegisterRow>[]>(
    () => [
      {
        id: 'registerNo',
        header: 'No. Register',
        meta: { width: '140px', sortField: 'registerNo' } satisfies ColumnMeta,
        cell: ({ row }) => (
          <Anchor component={Link} to={`/pengaduan/${row.original.id}`} fw={600} fz={13} className={classes.number} onClick={(e) => e.stopPropagation()}>
            {row.original.registerNo}
          </Anchor>
        ),
      },
      {
        id: 'receivedAt',
        header: 'Diterima',
        meta: { width: '105px', sortField: 'receivedAt' } satisfies ColumnMeta,
        cell: ({ row }) => dates.short(row.original.receivedAt),
      },
      {
        id: 'reporterName',
        header: 'Pelapor',
        meta: { width: '13%', sortField: 'reporterName' } satisfies ColumnMeta,
        cell: ({ row }) => row.original.reporterName,
      },
      {
        id: 'subject',
        header: 'Perihal',
        meta: { width: 'auto' } satisfies ColumnMeta,
        cell: ({ row }) => <span title={row.original.subject}>{row.original.subject}</span>,
      },
      // Jenis and kanal share a column so Perihal keeps its room at 1366 px.
      {
        id: 'kind',
        header: 'Jenis · kanal',
        meta: { width: '125px' } satisfies ColumnMeta,
        cell: ({ row }) => (
          <>
            {COMPLAINT_KIND_LABEL[row.original.kind]}
            <Text component="span" display="block" fz={12} c="dimmed" truncate="end">
              {CHANNEL_LABEL[row.original.channel]}
            </Text>
          </>
        ),
      },
      { id: 'category', header: 'Kategori', meta: { width: '10%' } satisfies ColumnMeta, cell: ({ row }) => CATEGORY_LABEL[row.original.category] },
      {
        id: 'status',
        header: 'Status',
        meta: { width: '150px', sortField: 'status' } satisfies ColumnMeta,
        cell: ({ row }) => <StatusBadge status={row.original.status} />,
      },
      {
        id: 'lateness',
        header: 'Ketepatan waktu',
        meta: { width: '165px' } satisfies ColumnMeta,
        cell: ({ row }) => <StateBadges step={row.original.stepRisk} standard={row.original.standardRisk} size="xs" stacked />,
      },
    ],
    [dates],
  );

  // Sorting and paging happen in the core over the whole register; the table only lays out.
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true });
  const tableRows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // A new page or filter starts at its first row, not where the previous list was scrolled to.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [rows, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0]!.start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const colCount = columns.length;

  return (
    <Box ref={scrollRef} className={classes.scroll} tabIndex={-1}>
      <table className={classes.table} aria-label="Buku register pengaduan" aria-rowcount={rows.length + 1}>
        <colgroup>
          {table.getFlatHeaders().map((h) => (
            <col key={h.id} style={{ width: (h.column.columnDef.meta as ColumnMeta).width }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => {
                const field = (h.column.columnDef.meta as ColumnMeta).sortField;
                const label = flexRender(h.column.columnDef.header, h.getContext());
                const active = field !== undefined && field === sort;
                return (
                  <th key={h.id} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {field ? (
                      <UnstyledButton className={classes.sortButton} onClick={() => onSort(field)} title="Klik untuk mengurutkan">
                        {label}
                        {active ? dir === 'asc' ? <IconArrowUp size={14} aria-hidden /> : <IconArrowDown size={14} aria-hidden /> : <IconArrowsSort size={14} aria-hidden opacity={0.4} />}
                      </UnstyledButton>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={colCount} style={{ height: padTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((v) => {
            const row = tableRows[v.index]!;
            return (
              <tr
                key={row.id}
                data-index={v.index}
                ref={virtualizer.measureElement}
                className={classes.row}
                aria-rowindex={v.index + 2}
                // The whole row opens the complaint for the mouse; the keyboard reaches it through the number's link.
                onClick={() => navigate(`/pengaduan/${row.original.id}`)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>
                    <Text fz={13} lineClamp={2} component="div">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </Text>
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={colCount} style={{ height: padBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </Box>
  );
}
