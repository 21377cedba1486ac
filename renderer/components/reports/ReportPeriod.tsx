import { useMemo } from 'react';
import { Alert, Group, Paper, Select, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { MONTHS } from '../../../shared/time/format';
import { SKM_PART, SKM_PARTS, skmPartMonths, skmPeriodLabel, type SkmPart } from '../../../shared/skm';
import { isReportYear } from '../../../shared/registerQuery';
import { useDates } from '../../lib/session';

const YEAR = 'tahun';
const MONTH = 'bulan';
const WHOLE_YEAR = 'setahun';
const WHOLE_YEAR_OPTION = { value: WHOLE_YEAR, label: 'Setahun penuh' };
const MONTH_OPTIONS = MONTHS.map((m, i) => ({ value: String(i + 1), label: m }));
// A triwulan or semester, where the report offers them (the SKM): its code in the address.
const PART_OPTIONS = SKM_PARTS.map((p) => ({ value: p, label: `${SKM_PART[p].label} (${skmPartMonths(p)})` }));
const isPart = (v: string | null): v is SkmPart => (SKM_PARTS as readonly string[]).includes(v ?? '');
const PERIOD_OPTIONS = [
  { group: 'Setahun', items: [WHOLE_YEAR_OPTION] },
  { group: 'Triwulan dan semester', items: PART_OPTIONS },
  { group: 'Bulan', items: MONTH_OPTIONS },
];

const periodSearch = (year: number, month: number | SkmPart | undefined) => new URLSearchParams({ [YEAR]: String(year), [MONTH]: month === undefined ? WHOLE_YEAR : String(month) });

/** A report page's address for a period, as a link from elsewhere opens it. */
export const reportPeriodPath = (page: string, year: number, month?: number) => `${page}?${periodSearch(year, month).toString()}`;

export interface ReportPeriod {
  year: number;
  /** Absent, and no part: the whole year. */
  month: number | undefined;
  /** A triwulan or semester, where the page offers them. */
  part: SkmPart | undefined;
  parts: boolean;
  thisYear: number;
  query: { year: number; month?: number; part?: SkmPart };
  /** What the address asked that is no period of this page (`bulan=s3`), shown instead of it. */
  notUnderstood: string[];
  choose(year: number, month: number | SkmPart | undefined): void;
}

// The month, the part (where `parts`) or the whole year a report shows, kept in the page's
// address (?tahun=2026&bulan=11, bulan=s1, or bulan=setahun); without one, this month in
// the office's zone.
export function useReportPeriod({ parts = false }: { parts?: boolean } = {}): ReportPeriod {
  const [params, setParams] = useSearchParams();
  const { year: thisYear, month: thisMonth } = useDates().thisMonth();
  const yearParam = params.get(YEAR);
  const monthParam = params.get(MONTH);
  const yearOk = yearParam !== null && /^\d{4}$/.test(yearParam) && isReportYear(Number(yearParam));
  const monthOk = monthParam !== null && /^(1[0-2]|[1-9])$/.test(monthParam);
  const year = yearOk ? Number(yearParam) : thisYear;
  const part = parts && isPart(monthParam) ? monthParam : undefined;
  const month = monthParam === WHOLE_YEAR || part ? undefined : monthOk ? Number(monthParam) : thisMonth;
  const notUnderstood = [
    ...(yearParam !== null && !yearOk ? [`${YEAR}=${yearParam}`] : []),
    ...(monthParam !== null && !monthOk && !part && monthParam !== WHOLE_YEAR ? [`${MONTH}=${monthParam}`] : []),
  ];
  return {
    year,
    month,
    part,
    parts,
    thisYear,
    notUnderstood,
    query: part ? { year, part } : month === undefined ? { year } : { year, month },
    choose: (y, m) => setParams(periodSearch(y, m)),
  };
}

// Tahun and Bulan (Periode, with the triwulan and semester) above a report; left off when
// it is printed. `years` are those the office has data for; this year and the one shown
// are always offered.
export function PeriodFilter({ period, years }: { period: ReportPeriod; years: readonly number[] }) {
  const { year, month, part, parts, thisYear, notUnderstood, choose } = period;
  const chosen = part ?? (month === undefined ? WHOLE_YEAR : String(month));
  const yearOptions = useMemo(() => {
    const all = new Set([...years, thisYear, year]);
    return [...all].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
  }, [years, thisYear, year]);
  return (
    <Paper withBorder p="sm" radius="md" className="no-print">
      <Stack gap="sm">
        {notUnderstood.length > 0 && (
          <Alert color="yellow" variant="light" title="Periode di alamat halaman tidak dikenal">
            Alamat halaman ini meminta {notUnderstood.join(' dan ')}, yang bukan periode laporan ini
            {parts ? '' : ' (laporan ini per bulan atau setahun)'}. Yang ditampilkan: {skmPeriodLabel(year, month, part)}. Pilih
            periode lain di bawah bila perlu.
          </Alert>
        )}
        <Group gap="sm" align="flex-end">
          <Select label="Tahun" data={yearOptions} value={String(year)} onChange={(v) => v && choose(Number(v), part ?? month)} allowDeselect={false} w={140} />
          <Select
            label={parts ? 'Periode' : 'Bulan'}
            data={parts ? PERIOD_OPTIONS : [WHOLE_YEAR_OPTION, ...MONTH_OPTIONS]}
            value={chosen}
            onChange={(v) => v && choose(year, v === WHOLE_YEAR ? undefined : isPart(v) ? v : Number(v))}
            allowDeselect={false}
            maxDropdownHeight={parts ? 400 : undefined}
            w={parts ? 300 : 180}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
