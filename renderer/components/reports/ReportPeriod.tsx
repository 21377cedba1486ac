import { useMemo } from 'react';
import { Group, Paper, Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { MONTHS } from '../../../shared/time/format';
import { useDates } from '../../lib/session';

const YEAR = 'tahun';
const MONTH = 'bulan';
const WHOLE_YEAR = 'setahun';
const monthOptions = [{ value: WHOLE_YEAR, label: 'Setahun penuh' }, ...MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))];

const periodSearch = (year: number, month: number | undefined) => new URLSearchParams({ [YEAR]: String(year), [MONTH]: month === undefined ? WHOLE_YEAR : String(month) });

/** A report page's address for a period, as a link from elsewhere opens it. */
export const reportPeriodPath = (page: string, year: number, month?: number) => `${page}?${periodSearch(year, month).toString()}`;

export interface ReportPeriod {
  year: number;
  /** Absent: the whole year. */
  month: number | undefined;
  thisYear: number;
  query: { year: number; month?: number };
  choose(year: number, month: number | undefined): void;
}

// The month or the whole year a report shows, kept in the page's address
// (?tahun=2026&bulan=11, or bulan=setahun); without one, this month in the office's zone.
export function useReportPeriod(): ReportPeriod {
  const [params, setParams] = useSearchParams();
  const { year: thisYear, month: thisMonth } = useDates().thisMonth();
  const year = Number(params.get(YEAR)) || thisYear;
  const monthParam = params.get(MONTH);
  const month = monthParam === WHOLE_YEAR ? undefined : Number(monthParam) >= 1 && Number(monthParam) <= 12 ? Number(monthParam) : thisMonth;
  return {
    year,
    month,
    thisYear,
    query: month === undefined ? { year } : { year, month },
    choose: (y, m) => setParams(periodSearch(y, m)),
  };
}

// Tahun and Bulan above a report; left off when it is printed. `years` are those the
// office has data for; this year and the one shown are always offered.
export function PeriodFilter({ period, years }: { period: ReportPeriod; years: readonly number[] }) {
  const { year, month, thisYear, choose } = period;
  const yearOptions = useMemo(() => {
    const all = new Set([...years, thisYear, year]);
    return [...all].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
  }, [years, thisYear, year]);
  return (
    <Paper withBorder p="sm" radius="md" className="no-print">
      <Group gap="sm" align="flex-end">
        <Select label="Tahun" data={yearOptions} value={String(year)} onChange={(v) => v && choose(Number(v), month)} allowDeselect={false} w={140} />
        <Select
          label="Bulan"
          data={monthOptions}
          value={month === undefined ? WHOLE_YEAR : String(month)}
          onChange={(v) => v && choose(year, v === WHOLE_YEAR ? undefined : Number(v))}
          allowDeselect={false}
          w={180}
        />
      </Group>
    </Paper>
  );
}
