import { useMemo, useState } from 'react';
import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { IconDeviceDesktop, IconFileSpreadsheet, IconPlus, IconPrinter } from '@tabler/icons-react';
import { call } from '../api';
import { skmPeriodLabel } from '../../shared/skm';
import { Loading, Page } from '../components/Page';
import { ReportKop } from '../components/reports/ReportKop';
import { PeriodFilter, useReportPeriod } from '../components/reports/ReportPeriod';
import { ReportSignOff } from '../components/reports/ReportSignOff';
import { useDownload } from '../components/reports/useDownload';
import { useFreshPrint } from '../components/reports/useFreshPrint';
import { ElementTable, IkmCards, MonthTable, ProfileTables } from '../components/skm/IkmTables';
import { SkmEntryForm } from '../components/skm/SkmEntryForm';
import { notifyError } from '../lib/feedback';
import { clearPrivate } from '../lib/privateStore';
import { announceKioskStarted } from '../lib/kioskTab';
import { reportPrintRules } from '../lib/reportPrint';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';

// The Survei Kepuasan Masyarakat of PermenPANRB 14/2017: the IKM of a month, a triwulan,
// a semester or a year with its grade, the NRR of each element, and for the Staf the questionnaire and the
// kiosk. Printed as it stands, on upright paper, or taken out as Excel. The period lives
// in the address.
export function SkmPage() {
  const { office, user } = useSession();
  const period = useReportPeriod({ parts: true });
  const { year, month, part, thisYear, query } = period;
  const years = useMemo(() => Array.from({ length: 6 }, (_, i) => thisYear - i), [thisYear]);
  const summary = useCall('skm.summary', query);
  const paper = useCall('documents.settings', {}).data?.paper ?? 'F4';
  const { busy, run } = useDownload();
  const { printing, print } = useFreshPrint(summary);
  const [entry, setEntry] = useState(false);
  const [kiosk, setKiosk] = useState(false);
  const staf = user.role === 'staf';

  const periodLabel = skmPeriodLabel(year, month, part);

  // This PC becomes the kiosk: the session ends in the core, nothing of it stays in the tab.
  const startKiosk = async () => {
    try {
      await call('skm.kioskStart');
      clearPrivate();
      announceKioskStarted();
      window.location.reload();
    } catch (err) {
      notifyError(err, 'Mode kios tidak dapat dibuka');
    }
  };

  return (
    <Page
      title="Survei kepuasan masyarakat"
      subtitle="Indeks Kepuasan Masyarakat (IKM) menurut PermenPANRB 14/2017: sembilan unsur pelayanan, nilai 1–4."
      actions={
        <>
          {staf && (
            <>
              <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEntry(true)}>
                Isi kuesioner
              </Button>
              <Button variant="default" leftSection={<IconDeviceDesktop size={16} />} onClick={() => setKiosk(true)}>
                Mode kios SKM
              </Button>
            </>
          )}
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={print} loading={printing} disabled={!summary.data}>
            Cetak
          </Button>
          <Button
            leftSection={<IconFileSpreadsheet size={16} />}
            loading={busy === 'xlsx'}
            disabled={!summary.data}
            onClick={() => void run('xlsx', () => call('skm.exportXlsx', query))}
          >
            Unduh Excel
          </Button>
        </>
      }
    >
      <style>{reportPrintRules(paper, `${office.name} · Indeks Kepuasan Masyarakat — ${periodLabel}`, false)}</style>
      <PeriodFilter period={period} years={years} />

      {!summary.data ? (
        <Loading error={summary.error} retry={summary.reload} />
      ) : (
        <Stack gap="lg" style={{ opacity: summary.loading ? 0.55 : 1 }} aria-busy={summary.loading}>
          <div>
            <ReportKop />
            <Text fw={700} className="no-print">
              {office.name}
            </Text>
            <Title order={3}>
              {/* A part's months stay together ("(Januari–Juni)"), not parted at the dash. */}
              Indeks Kepuasan Masyarakat — <span style={{ whiteSpace: 'nowrap' }}>{periodLabel}</span>
            </Title>
            {/* A period holding this month counts the questionnaires up to today, and says so. */}
            {summary.data.asOf && (
              <Text size="sm" mt={4}>
                Periode ini masih berjalan: dihitung dari kuesioner sampai {summary.data.asOf}.
              </Text>
            )}
          </div>
          <IkmCards s={summary.data} staf={staf} />
          <section className="report-section" aria-labelledby="skm-unsur">
            <Title order={4} id="skm-unsur" mb={6}>
              Nilai per unsur pelayanan
            </Title>
            <ElementTable p={summary.data.total} />
            <Text size="xs" c="dimmed" mt={4}>
              NRR = jumlah nilai unsur ÷ jumlah responden. Mutu: A 88,31–100 Sangat Baik · B 76,61–88,30 Baik · C 65,00–76,60 Kurang Baik · D 25,00–64,99 Tidak Baik.
            </Text>
          </section>
          {month === undefined && (
            <section className="report-section" aria-labelledby="skm-bulan">
              <Title order={4} id="skm-bulan" mb={6}>
                IKM per bulan
              </Title>
              <MonthTable s={summary.data} />
            </section>
          )}
          <section className="report-section" aria-labelledby="skm-profil">
            <Title order={4} id="skm-profil" mb={6}>
              Profil responden
            </Title>
            <ProfileTables s={summary.data} />
            {/* With the last table, so that it never stands on a sheet of its own. */}
            <ReportSignOff signOff={summary.data.signOff} />
          </section>
        </Stack>
      )}

      {staf && (
        <>
          <SkmEntryForm opened={entry} onClose={() => setEntry(false)} onSaved={() => (setEntry(false), summary.reload())} />
          <Modal opened={kiosk} onClose={() => setKiosk(false)} title="Buka mode kios SKM?">
            <Stack>
              <Text size="sm">
                Layar ini hanya akan menampilkan kuesioner untuk diisi pelapor. Sesi Anda di komputer ini diakhiri; tidak ada data pengaduan yang tampil, juga di tab
                Tanggap lain pada peramban ini (isian yang belum disimpan di tab itu hilang). Untuk keluar dari mode kios, masukkan kata sandi Anda.
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setKiosk(false)}>
                  Batal
                </Button>
                <Button onClick={() => void startKiosk()}>Buka mode kios</Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Page>
  );
}
