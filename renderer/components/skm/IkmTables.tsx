import { Anchor, Badge, Card, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SKM_ELEMENT_TEXT, SKM_ELEMENTS, SKM_GRADE_LABEL, SKM_WEIGHT, skmTotalLabel, type SkmGrade } from '../../../shared/skm';
import type { SkmPeriod, SkmSummary } from '../../../shared/schemas/skm';
import { numberId } from '../../../shared/text/numbers';
import { MONTHS, periodLabel } from '../../../shared/time/format';
import { reportPeriodPath } from '../reports/ReportPeriod';

const GRADE_COLOR: Record<SkmGrade, string> = { A: 'teal', B: 'blue', C: 'yellow', D: 'red' };
const num = (x: number | null | undefined, digits: number) => (x === null || x === undefined ? '–' : x.toLocaleString('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
// An IKM as the report writes it ("84,19"), or a dash while nobody responded.
export const formatIkm = (x: number | null) => num(x, 2);

export function GradeBadge({ p }: { p: SkmPeriod }) {
  if (!p.grade) return <Text c="dimmed">Belum ada responden</Text>;
  return (
    <Badge size="lg" color={GRADE_COLOR[p.grade]} variant="light">
      {p.grade} · {SKM_GRADE_LABEL[p.grade]}
    </Badge>
  );
}

export function IkmCards({ s, staf }: { s: SkmSummary; staf: boolean }) {
  const t = s.total;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Card withBorder padding="sm" radius="md">
        <Text size="sm" c="dimmed">
          IKM unit pelayanan
        </Text>
        <Text fz={32} fw={700} data-testid="ikm-value">
          {formatIkm(t.ikm)}
        </Text>
      </Card>
      <Card withBorder padding="sm" radius="md">
        <Text size="sm" c="dimmed" mb={6}>
          Mutu pelayanan
        </Text>
        <GradeBadge p={t} />
      </Card>
      <Card withBorder padding="sm" radius="md">
        <Text size="sm" c="dimmed">
          Responden
        </Text>
        <Text fz={32} fw={700} data-testid="ikm-respondents">
          {numberId(t.respondents)}
        </Text>
        {/* The Staf's hint is for the screen, not the printed report. */}
        <Text size="xs" c="dimmed" className={t.respondents === 0 && staf ? 'no-print' : undefined}>
          {t.respondents === 0
            ? staf
              ? 'Isi lewat “Isi kuesioner” atau “Mode kios SKM” di atas.'
              : 'Belum ada kuesioner pada periode ini.'
            : s.fromKiosk > 0
              ? `${s.fromKiosk} di antaranya dari mode kios`
              : 'Semua dimasukkan oleh petugas'}
        </Text>
        {t.respondents === 0 && s.latest && (
          <Text size="xs" c="dimmed" mt={4} className="no-print">
            Kuesioner terakhir: {periodLabel(s.latest.year, s.latest.month)}, {numberId(s.latest.respondents)} responden.{' '}
            <Anchor component={Link} to={reportPeriodPath('/skm', s.latest.year, s.latest.month)} fz="inherit">
              Lihat {periodLabel(s.latest.year, s.latest.month)}
            </Anchor>
          </Text>
        )}
      </Card>
    </SimpleGrid>
  );
}

// NRR per element: Σ scores ÷ respondents, weighted by 0.111, summed and × 25.
export function ElementTable({ p }: { p: SkmPeriod }) {
  const index = p.weighted ? SKM_ELEMENTS.reduce((n, e) => n + p.weighted![e], 0) : null;
  return (
    <Table withTableBorder withColumnBorders striped aria-label="Nilai per unsur pelayanan">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={50}>No</Table.Th>
          <Table.Th>Unsur pelayanan</Table.Th>
          <Table.Th ta="right">NRR per unsur</Table.Th>
          <Table.Th ta="right">
            NRR tertimbang <span style={{ whiteSpace: 'nowrap' }}>(× {num(SKM_WEIGHT, 3)})</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SKM_ELEMENTS.map((e) => (
          <Table.Tr key={e}>
            <Table.Td>{e.toUpperCase()}</Table.Td>
            <Table.Td>{SKM_ELEMENT_TEXT[e].name}</Table.Td>
            <Table.Td ta="right">{num(p.nrr?.[e], 3)}</Table.Td>
            <Table.Td ta="right">{num(p.weighted?.[e], 4)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr fw={700}>
          <Table.Td />
          <Table.Td>Jumlah NRR tertimbang (indeks)</Table.Td>
          <Table.Td />
          <Table.Td ta="right">{num(index, 4)}</Table.Td>
        </Table.Tr>
        <Table.Tr fw={700}>
          <Table.Td />
          <Table.Td>IKM unit pelayanan (indeks × 25)</Table.Td>
          <Table.Td />
          <Table.Td ta="right">{formatIkm(p.ikm)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

const gradeOf = (p: SkmPeriod) => (p.grade ? `${p.grade} · ${SKM_GRADE_LABEL[p.grade]}` : '–');

export function MonthTable({ s }: { s: SkmSummary }) {
  return (
    <Table withTableBorder withColumnBorders striped aria-label="IKM per bulan">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Bulan</Table.Th>
          <Table.Th ta="right">Responden</Table.Th>
          <Table.Th ta="right">IKM</Table.Th>
          <Table.Th>Mutu pelayanan</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {s.months.map((m) => (
          <Table.Tr key={m.month}>
            <Table.Td>{MONTHS[(m.month ?? 1) - 1]}</Table.Td>
            <Table.Td ta="right">{numberId(m.respondents)}</Table.Td>
            <Table.Td ta="right">{formatIkm(m.ikm)}</Table.Td>
            <Table.Td>{gradeOf(m)}</Table.Td>
          </Table.Tr>
        ))}
        {/* The period's total, as its Excel sheet ends. */}
        <Table.Tr fw={700}>
          <Table.Td>{skmTotalLabel(s.year, s.part)}</Table.Td>
          <Table.Td ta="right">{numberId(s.total.respondents)}</Table.Td>
          <Table.Td ta="right">{formatIkm(s.total.ikm)}</Table.Td>
          <Table.Td>{gradeOf(s.total)}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

// Who answered: the profile the questionnaire asks, with each answer's share of the period.
export function ProfileTables({ s }: { s: SkmSummary }) {
  const total = s.total.respondents;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
      {s.profile.map((g) => (
        <Table key={g.title} withTableBorder withColumnBorders striped aria-label={`Responden menurut ${g.title.toLowerCase()}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{g.title}</Table.Th>
              <Table.Th ta="right" w={90}>
                Responden
              </Table.Th>
              <Table.Th ta="right" w={80}>
                %
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {g.rows.map((r) => (
              <Table.Tr key={r.label}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td ta="right">{numberId(r.n)}</Table.Td>
                <Table.Td ta="right">{total ? num((r.n / total) * 100, 1) : '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ))}
    </SimpleGrid>
  );
}
