import { CATEGORY_LABEL, CHANNEL_LABEL, CLOCK_LABEL, COMPLAINT_KIND_LABEL, RISK_LABEL, STATUS_LABEL } from '../../../shared/domain';
import type { SortField } from '../../../shared/registerQuery';
import type { RegisterRow } from '../../../shared/schemas/workflow';
import { formatSingkat } from '../../../shared/time/format';
import type { TimeZoneId } from '../../../shared/time/workingTime';
import { RISK_COLOR, STATUS_COLOR, shownClocks } from '../badges';
import type { BadgeStyle, Palette } from '../plainBadge';
import clamp from '../clamp.module.css';
import badge from '../plainBadge.module.css';
import classes from './RegisterTable.module.css';

// The register's columns, and its rows as plain DOM for the early screen
// (renderer/earlyScreen.ts), which draws the first page before React and Mantine are
// loaded: the same elements, classes, attributes and text as RegisterTable's Row, which an
// e2e test holds them to.

// The badges' colours as Mantine works them out (plainBadge.tsx's Palette), by `paletteKey`:
// saved by the app with the early screen, since working them out needs Mantine's theme.
export type SavedPalette = Record<string, BadgeStyle>;

type Variant = 'light' | 'filled';
const paletteKey = (color: string, variant: Variant) => `${color} ${variant}`;

// Every colour a row's badges take: the status's (light) and the clocks' (light when on
// time, else filled), all with Mantine's autoContrast.
function paletteUsed(): [color: string, variant: Variant][] {
  const used: [string, Variant][] = [...new Set(Object.values(STATUS_COLOR))].map((c) => [c, 'light']);
  for (const [risk, color] of Object.entries(RISK_COLOR)) used.push([color, risk === 'aman' ? 'light' : 'filled']);
  return used;
}

// Those colours as the app's palette gives them, to be saved with the early screen.
export function paletteToSave(palette: Palette): SavedPalette {
  return Object.fromEntries(paletteUsed().map(([color, variant]) => [paletteKey(color, variant), palette(color, variant, true)]));
}

interface Column {
  header: string;
  width: string;
  sortField?: SortField;
}

// Jenis and kanal share a column so Perihal keeps its room at 1366 px. Kategori, the sixth,
// is hidden in a narrower box (RegisterTable.module.css counts on its place).
export const COLUMNS: Column[] = [
  { header: 'No. Register', width: '140px', sortField: 'registerNo' },
  { header: 'Diterima', width: '100px', sortField: 'receivedAt' },
  { header: 'Pelapor', width: '13%', sortField: 'reporterName' },
  { header: 'Perihal', width: 'auto' },
  { header: 'Jenis · kanal', width: '125px' },
  { header: 'Kategori', width: '10%' },
  { header: 'Status', width: '170px', sortField: 'status' },
  { header: 'Ketepatan waktu', width: '165px' },
];

// Every row has this height (RegisterTable.module.css keeps it: two lines at most per
// cell), so the virtualiser places rows by arithmetic and never measures one.
export const ROW_HEIGHT = 52;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string | null, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function titled(span: HTMLSpanElement, title: string | null) {
  if (title !== null) span.title = title;
  return span;
}

const clipped = (text: string, title: string | null) => titled(el('span', `${clamp.clamp} ${classes.clip}`, text), title);
// One line cut with an ellipsis, the whole text in its title.
const line = (text: string, className: string) => titled(el('span', className, text), text);

function coloured(node: HTMLElement, style: BadgeStyle | undefined) {
  // In the order React sets the Palette's properties, so both write the same style attribute.
  if (style?.background !== undefined) node.style.background = style.background;
  if (style?.color !== undefined) node.style.color = style.color;
  if (style?.border !== undefined) node.style.border = style.border;
  return node;
}

function plainRow(row: RegisterRow, index: number, tz: TimeZoneId, palette: SavedPalette): HTMLTableRowElement {
  const tr = el('tr', classes.row!);
  tr.dataset.index = String(index);
  tr.setAttribute('aria-rowindex', String(index + 2));
  // Its address before its class, as React writes them.
  const number = el('a', null, row.registerNo);
  number.href = `/pengaduan/${row.id}`;
  number.className = classes.number!;
  const status = coloured(el('span', badge.badge!, STATUS_LABEL[row.status]), palette[paletteKey(STATUS_COLOR[row.status]!, 'light')]);
  const clocks = shownClocks(row.stepRisk, row.standardRisk).map(([clock, risk]) => {
    const span = coloured(el('span', `${badge.badge} ${badge.xs}`, `${CLOCK_LABEL[clock]}: ${RISK_LABEL[risk]}`), palette[paletteKey(RISK_COLOR[risk], risk === 'aman' ? 'light' : 'filled')]);
    span.dataset.clock = clock;
    span.dataset.risk = risk;
    return span;
  });
  tr.append(
    el('td', null, number),
    el('td', null, clipped(formatSingkat(row.receivedAt, tz), null)),
    el('td', null, clipped(row.reporterName, row.reporterName)),
    el('td', null, clipped(row.subject, row.subject)),
    el('td', null, line(COMPLAINT_KIND_LABEL[row.kind], classes.line!), line(CHANNEL_LABEL[row.channel], `${classes.line} ${classes.dimmed}`)),
    el('td', null, clipped(CATEGORY_LABEL[row.category], CATEGORY_LABEL[row.category])),
    el('td', null, status),
    el('td', null, ...(clocks.length > 0 ? [el('span', badge.stack!, ...clocks)] : [])),
  );
  return tr;
}

// The rows a window of `height` pixels shows (and one more), then one empty row as tall as
// the rest of the page, so the box scrolls as far as the app's own table will.
export function drawPlainRows(tbody: HTMLTableSectionElement, rows: RegisterRow[], tz: TimeZoneId, palette: SavedPalette, height: number) {
  const drawn = Math.min(rows.length, Math.ceil(height / ROW_HEIGHT) + 1);
  const out: HTMLTableRowElement[] = [];
  for (let i = 0; i < drawn; i++) out.push(plainRow(rows[i]!, i, tz, palette));
  if (drawn < rows.length) {
    const spacer = el('tr', classes.spacer!);
    spacer.setAttribute('aria-hidden', 'true');
    const td = el('td', null);
    td.colSpan = COLUMNS.length;
    td.style.height = `${(rows.length - drawn) * ROW_HEIGHT}px`;
    spacer.append(td);
    out.push(spacer);
  }
  tbody.replaceChildren(...out);
}
