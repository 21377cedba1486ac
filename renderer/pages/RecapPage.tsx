import { useMemo } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { call } from '../api';
import { recapGrids } from '../../shared/reports/exports';
import { notBegun, RECAP_NOTE, recapStanding } from '../../shared/reports/recap';
import { Loading, Page } from '../components/Page';
import { RecapTable } from '../components/reports/RecapTable';
import { ReportSignOff } from '../components/reports/ReportSignOff';
import { ReportKop } from '../components/reports/ReportKop';
import { PeriodFilter, useReportPeriod } from '../components/reports/ReportPeriod';
import { useDownload } from '../components/reports/useDownload';
import { useFreshPrint } from '../components/reports/useFreshPrint';
import { reportPrintRules } from '../lib/reportPrint';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';

const LAPOR_ROLES = ['staf', 'sekcam', 'camat'];
const NO_YEARS: number[] = [];

// The buku rekap: a month or a whole year counted by channel, category, kind, seksi,
// stage and outcome, with the steps of the standard. Printed as it stands, or taken out
// as Excel (every table a sheet) or one table as CSV; leaders also take the month's
// report to SP4N-LAPOR! and the Inspektorat. The period lives in the address.
export function RecapPage() {
  const { user } = useSession();
  const period = useReportPeriod();
  const { year, month, query } = period;
  const years = useCall('complaints.list', { limit: 1 }).data?.years;
  const paper = useCall('documents.settings', {}).data?.paper ?? 'F4';
  const recap = useCall('reports.recap', query);
  const grids = useMemo(() => (recap.data ? recapGrids(recap.data) : []), [recap.data]);
  const signOff = recap.data?.signOff;
  const { busy, run } = useDownload();
  const { printing, print } = useFreshPrint(recap);
  // Nothing to print or hand in for a period not begun (reachable through the address).
  const early = recap.data !== undefined && notBegun(recap.data);
  const earlyTitle = early ? 'Periode ini belum berjalan: belum ada yang dapat dicetak atau diunduh.' : undefined;

  return (
    <Page
      title="Buku rekap pengaduan"
      subtitle="Jumlah pengaduan sebulan atau setahun menurut kanal, kategori, jenis, seksi, tahap dan hasil."
      actions={
        <>
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={print} loading={printing} disabled={!recap.data || early} title={earlyTitle}>
            Cetak
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={busy === 'xlsx'}
            disabled={!recap.data || early}
            title={earlyTitle}
            onClick={() => void run('xlsx', () => call('reports.recapXlsx', query))}
          >
            Unduh Excel
          </Button>
          {LAPOR_ROLES.includes(user.role) && (
            <Button
              leftSection={<IconFileSpreadsheet size={16} />}
              loading={busy === 'lapor'}
              disabled={month === undefined || early}
              title={month === undefined ? 'Laporan SP4N-LAPOR! dibuat per bulan: pilih bulannya dulu.' : earlyTitle}
              onClick={() => month !== undefined && void run('lapor', () => call('reports.laporXlsx', { year, month }))}
            >
              Laporan SP4N-LAPOR! (Excel)
            </Button>
          )}
        </>
      }
    >
      {/* Landscape: the tables are wide. */}
      <style>{reportPrintRules(paper, recap.data ? `${recap.data.officeName} · Buku Rekap Pengaduan — ${recap.data.periodLabel}` : '', true)}</style>
      <PeriodFilter period={period} years={years ?? NO_YEARS} />

      {!recap.data ? (
        <Loading error={recap.error} retry={recap.reload} />
      ) : (
        <Stack gap="lg" style={{ opacity: recap.loading ? 0.55 : 1 }} aria-busy={recap.loading}>
          <div>
            <ReportKop />
            <Text fw={700} className="no-print">
              {recap.data.officeName}
            </Text>
            <Title order={3}>Buku Rekap Pengaduan — {recap.data.periodLabel}</Title>
            {recapStanding(recap.data) && (
              <Text size="sm" fw={600}>
                {recapStanding(recap.data)}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {RECAP_NOTE}
            </Text>
          </div>
          {grids.map((g, i) => (
            <section key={g.key} className="report-section" aria-labelledby={`rekap-${g.key}`}>
              <Group justify="space-between" mb={6}>
                <Title order={4} id={`rekap-${g.key}`}>
                  {g.title}
                </Title>
                <Button
                  className="no-print"
                  size="xs"
                  variant="subtle"
                  leftSection={<IconDownload size={14} />}
                  loading={busy === g.key}
                  disabled={early}
                  title={earlyTitle}
                  onClick={() => void run(g.key, () => call('reports.recapCsv', { ...query, table: g.key }))}
                  aria-label={`Unduh CSV tabel ${g.title}`}
                >
                  Unduh CSV
                </Button>
              </Group>
              <RecapTable grid={g} />
              {/* With the last table, so that it never stands on a sheet of its own. */}
              {i === grids.length - 1 && signOff && <ReportSignOff signOff={signOff} />}
            </section>
          ))}
        </Stack>
      )}
    </Page>
  );
}
