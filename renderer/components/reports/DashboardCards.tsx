import { Card, SimpleGrid, Text } from '@mantine/core';
import type { Dashboard } from '../../../shared/reports/dashboard';
import { SKM_GRADE_LABEL } from '../../../shared/skm';
import { registerPath } from '../register/query';
import { formatIkm } from '../skm/IkmTables';
import { DashboardLink, formatCount, officeTasksPath } from './DashboardLink';
import { reportPeriodPath } from './ReportPeriod';

interface Figure {
  title: string;
  n: number;
  to: string;
  // What the number counts, for the link's name.
  noun: string;
  note: string;
  color?: string;
  // A second figure under the note, with its link and words after it.
  also?: { n: number; to: string; noun: string; words: string };
}

// The month's two flows (received, finished), the office's state right now (open, late,
// at risk by the standard's clock) and the month's satisfaction index: the Camat's first look.
// `lateAny`: the menu's Terlambat, late on the step's clock or the standard's; where it is
// more than the standard's late alone, the card says what the menu counts besides.
export function DashboardCards({ d, current, lateAny }: { d: Dashboard; current: boolean; lateAny?: number }) {
  const month = { year: d.year, month: d.month };
  const now = current ? 'saat ini' : 'saat ini, bukan akhir bulan itu';
  const figures: Figure[] = [
    { title: 'Diterima', n: d.received, to: registerPath(month), noun: `pengaduan diterima ${d.periodLabel}`, note: `dicatat ${d.periodLabel}` },
    {
      title: 'Selesai',
      n: d.finished,
      to: registerPath({ ...month, dateOf: 'selesai' }),
      noun: `pengaduan selesai ${d.periodLabel}`,
      note: `ditutup ${d.periodLabel}`,
    },
    { title: 'Belum selesai', n: d.open, to: officeTasksPath(), noun: 'pengaduan belum selesai', note: `semua yang berjalan, ${now}` },
    {
      title: 'Terlambat (standar)',
      n: d.late,
      to: officeTasksPath('standar_terlambat'),
      noun: 'pengaduan terlambat menurut standar',
      note: `melewati batas standar pelayanan, ${now}`,
      color: d.late > 0 ? 'red.8' : undefined,
      also:
        lateAny !== undefined && lateAny > d.late
          ? { n: lateAny, to: officeTasksPath('terlambat'), noun: 'pengaduan terlambat menurut batas langkah atau standar', words: 'bila batas tiap langkah ikut dihitung (menu Terlambat)' }
          : undefined,
    },
    {
      title: 'Hampir habis waktunya',
      n: d.atRisk,
      to: officeTasksPath('standar_berisiko'),
      noun: 'pengaduan hampir habis waktunya menurut standar',
      note: `sisa waktu standar tinggal sedikit, ${now}`,
      color: d.atRisk > 0 ? 'orange.9' : undefined,
    },
  ];
  const ikm = d.ikm;
  const ikmValue = formatIkm(ikm.value);
  const ikmNote = ikm.grade ? `mutu ${ikm.grade} (${SKM_GRADE_LABEL[ikm.grade]}), ${formatCount(ikm.respondents)} responden` : `belum ada kuesioner pada ${d.periodLabel}`;
  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="sm">
      {figures.map((f) => (
        <Card key={f.title} withBorder padding="sm" radius="md">
          <Text size="sm" fw={600} c="dimmed">
            {f.title}
          </Text>
          <Text fz={32} fw={700} lh={1.2}>
            <DashboardLink n={f.n} to={f.to} label={f.noun} c={f.color} />
          </Text>
          <Text size="xs" c="dimmed">
            {f.note}
          </Text>
          {f.also && (
            <Text size="xs" c="dimmed" mt={4}>
              <DashboardLink n={f.also.n} to={f.also.to} label={f.also.noun} /> {f.also.words}
            </Text>
          )}
        </Card>
      ))}
      <Card withBorder padding="sm" radius="md">
        <Text size="sm" fw={600} c="dimmed">
          IKM (survei kepuasan)
        </Text>
        <Text fz={32} fw={700} lh={1.2}>
          <DashboardLink n={ikm.respondents} to={reportPeriodPath('/skm', d.year, d.month)} label={`IKM ${d.periodLabel}`} name={`IKM ${d.periodLabel} ${ikmValue}, ${ikmNote}`}>
            {ikmValue}
          </DashboardLink>
        </Text>
        <Text size="xs" c="dimmed">
          {ikmNote}
        </Text>
      </Card>
    </SimpleGrid>
  );
}
