import { Table } from '@mantine/core';
import type { GridCell, GridKind, RecapGrid } from '../../../shared/reports/exports';
import classes from './RecapTable.module.css';

const number = new Intl.NumberFormat('id-ID');
const decimal = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

function show(v: GridCell, kind: GridKind): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  return kind === 'percent' ? percent.format(v) : kind === 'decimal' ? decimal.format(v) : number.format(v);
}

// In the totals row an empty cell has no total (a step's number, its limit), where a share
// or a time of no complaints reads "–" as in the rows.
const MAY_BE_NONE = new Set<GridKind>(['percent', 'decimal']);

// A narrow heading wraps at its spaces, not inside a word written with a hyphen
// ("Rata-rata" broken as "Rata-" / "rata"): a non-breaking hyphen there, on screen only.
const unbroken = (header: string) => header.replace(/(\p{L})-(\p{L})/gu, '$1\u2011$2');

// One table of the buku rekap as on paper: plain cells, numbers right-aligned, the
// totals row bold. The same rows and columns go into the XLSX and the CSV.
export function RecapTable({ grid }: { grid: RecapGrid }) {
  const align = (kind: GridKind) => (kind === 'text' ? classes.text : classes.num);
  return (
    <Table.ScrollContainer minWidth={900} className={classes.scroll}>
      <Table
        className={classes.table}
        data-grid={grid.key}
        horizontalSpacing={6}
        verticalSpacing={4}
        withTableBorder
        withColumnBorders
        aria-label={grid.title}
      >
        <Table.Thead>
          <Table.Tr>
            {grid.columns.map((c) => (
              <Table.Th key={c.header} className={align(c.kind)}>
                {unbroken(c.header)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {grid.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={grid.columns.length} className={classes.empty}>
                Tidak ada data pada periode ini.
              </Table.Td>
            </Table.Tr>
          )}
          {grid.rows.map((row, r) => (
            <Table.Tr key={r}>
              {row.map((v, i) => (
                <Table.Td key={i} className={align(grid.columns[i]!.kind)}>
                  {show(v, grid.columns[i]!.kind)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr className={classes.totals}>
            {grid.totals.map((v, i) => (
              <Table.Td key={i} className={align(grid.columns[i]!.kind)}>
                {v === null && !MAY_BE_NONE.has(grid.columns[i]!.kind) ? '' : show(v, grid.columns[i]!.kind)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
