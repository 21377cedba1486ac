import { useEffect, useMemo } from 'react';
import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { CHANNEL_CODES, type ChannelCode } from '../../shared/domain';
import { MONTHS } from '../../shared/time/format';
import { Loading, Page } from '../components/Page';
import { registerPath } from '../components/register/query';
import { DashboardBreakdown, type BreakdownFigure } from '../components/reports/DashboardBreakdown';
import { DashboardCards } from '../components/reports/DashboardCards';
import { useMenuCounts } from '../components/Layout';
import { DashboardSteps } from '../components/reports/DashboardSteps';
import { DashboardTrend } from '../components/reports/DashboardTrend';
import { useDates } from '../lib/session';
import { useCall } from '../lib/useCall';

// How far back the month picker reaches.
const PICKABLE_MONTHS = 24;
const YEAR = 'tahun';
const MONTH = 'bulan';

const isChannel = (k: string): k is ChannelCode => (CHANNEL_CODES as readonly string[]).includes(k);

// The Camat's page: the chosen month (this one unless picked) at a glance, by seksi and
// channel, twelve months of trend and the slowest steps. The month lives in the address.
export function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const { year: thisYear, month: thisMonth } = useDates().thisMonth();
  const months = useMemo(
    () =>
      Array.from({ length: PICKABLE_MONTHS }, (_, i) => {
        const index = thisYear * 12 + thisMonth - 1 - i;
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        return { value: `${year}-${month}`, label: `${MONTHS[month - 1]} ${year}${i === 0 ? ' (bulan ini)' : ''}` };
      }),
    [thisYear, thisMonth],
  );
  const picked = `${params.get(YEAR)}-${params.get(MONTH)}`;
  const chosen = months.find((m) => m.value === picked)?.value ?? months[0]!.value;
  // An address naming a month that cannot be picked (to come, too far back, not a month)
  // shows this month, and the address is made to say so.
  const unpickable = (params.has(YEAR) || params.has(MONTH)) && chosen !== picked;
  useEffect(() => {
    if (unpickable) setParams({}, { replace: true });
  }, [unpickable, setParams]);
  const [year, month] = chosen.split('-').map(Number) as [number, number];
  const current = year === thisYear && month === thisMonth;
  const dashboard = useCall('reports.dashboard', current ? {} : { year, month });
  const d = dashboard.data;
  // The menu's Terlambat, which counts the steps' dues too: the late card names it beside its own.
  const menu = useMenuCounts();

  const pick = (value: string | null) => {
    const [y, m] = (value ?? months[0]!.value).split('-');
    setParams(value && value !== months[0]!.value ? { [YEAR]: y!, [MONTH]: m! } : {});
  };

  const period = d && { year: d.year, month: d.month };
  // Received: in the month. Open and late: now, of every month, as the register's
  // "keadaan" lists them.
  const narrowed = (figure: BreakdownFigure) => (figure === 'received' ? period : { keadaan: figure === 'open' ? ('belum_selesai' as const) : ('terlambat' as const) });
  const seksiLink = (row: { key: string }, figure: BreakdownFigure) =>
    period ? registerPath({ ...narrowed(figure), ...(row.key === '' ? { noSeksi: true } : { seksi: row.key }) }) : undefined;
  const channelLink = (row: { key: string }, figure: BreakdownFigure) => (period && isChannel(row.key) ? registerPath({ ...narrowed(figure), channel: row.key }) : undefined);

  return (
    <Page
      title="Dasbor"
      subtitle="Pengaduan kantor sebulan sekilas. Setiap angka membuka daftar pengaduan di baliknya."
      actions={<Select label="Bulan" data={months} value={chosen} onChange={pick} allowDeselect={false} w={250} />}
    >
      {!d ? (
        <Loading error={dashboard.error} retry={dashboard.reload} />
      ) : (
        // The previous month stays, dimmed, while the next one loads.
        <Stack gap="md" style={{ opacity: dashboard.loading ? 0.55 : 1, transition: 'opacity 120ms' }} aria-busy={dashboard.loading}>
          {dashboard.error && (
            <Text c="red" size="sm" role="alert">
              Data terbaru tidak dapat dimuat: {dashboard.error.message}
            </Text>
          )}
          <DashboardCards d={d} current={current} lateAny={menu?.late} />
          {/* Side by side from 1200 px: narrower, half the page cuts a breakdown table's last column. */}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
            <DashboardBreakdown title="Menurut seksi" by="Seksi" rows={d.bySeksi} periodLabel={d.periodLabel} linkFor={seksiLink} />
            <DashboardBreakdown title="Menurut kanal" by="Kanal" rows={d.byChannel} periodLabel={d.periodLabel} linkFor={channelLink} />
          </SimpleGrid>
          <DashboardTrend trend={d.trend} />
          <DashboardSteps steps={d.slowestSteps} periodLabel={d.periodLabel} from={d.trend[0]!.key} to={d.trend[d.trend.length - 1]!.key} />
        </Stack>
      )}
    </Page>
  );
}
