import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import type { TaskFilter } from '../../../shared/domain';
import { FILTER_PARAM, TAB_PARAM } from '../tasks/address';
import { writeSearch } from '../register/query';

const COUNT = new Intl.NumberFormat('id-ID');
const PERCENT = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 0 });
export const formatCount = (n: number) => COUNT.format(n);
export const formatShare = (part: number, whole: number) => (whole === 0 ? '–' : PERCENT.format(part / whole));

// A chart's legend in the page's text colour: a pale bar colour is no colour for words.
export const legendText = (value: string) => <span style={{ color: 'var(--mantine-color-text)' }}>{value}</span>;

// The office's list of open complaints, narrowed by a filter of Tugas saya.
export const officeTasksPath = (filter?: TaskFilter) => `/tugas?${TAB_PARAM}=kantor${filter ? `&${FILTER_PARAM}=${filter}` : ''}`;

interface Props {
  n: number;
  // Where the complaints behind the number are listed; none: the number is plain text.
  to?: string;
  // What the number counts, read aloud and shown on hover ("12 pengaduan diterima, Seksi Pemerintahan").
  label: string;
  // The hover text where "Lihat <label>" does not read well.
  title?: string;
  // The whole name read aloud, where the number shown is not a count of `label`.
  name?: string;
  c?: string;
  children?: ReactNode;
}

// A register link shows exactly the complaints behind a number, so the register's
// remembered search text is dropped on the way.
const forgetSearch = (to: string) => {
  if (to.startsWith('/register')) writeSearch('');
};

// Opens the complaints behind a chart's bar or point, as a DashboardLink opens its number's.
export function useOpenBehind() {
  const navigate = useNavigate();
  return (to: string) => {
    forgetSearch(to);
    void navigate(to);
  };
}

// A number that opens the complaints behind it.
export function DashboardLink({ n, to, label, title, name, c, children }: Props) {
  const text = children ?? formatCount(n);
  if (!to) return <Text span inherit c={c}>{text}</Text>;
  return (
    <Anchor
      component={Link}
      to={to}
      c={c}
      inherit
      aria-label={name ?? `${formatCount(n)} ${label}`}
      title={title ?? `Lihat ${label}`}
      onClick={() => forgetSearch(to)}
    >
      {text}
    </Anchor>
  );
}
