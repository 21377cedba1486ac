import { Card, Grid, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import type { ReactNode } from 'react';
import { Bar, CartesianGrid, ComposedChart, Dot, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type ActiveDotProps, type TooltipPayloadEntry } from 'recharts';
import type { Dashboard } from '../../../shared/reports/dashboard';
import { registerPath, type DateOf } from '../register/query';
import { DashboardLink, formatCount, legendText, useOpenBehind } from './DashboardLink';

type Month = Dashboard['trend'][number];

// The complaints still late at the month's end; for the month running, late now.
const lateAtEndPath = (m: Month) => registerPath(m.running ? { keadaan: 'terlambat' } : { keadaan: 'terlambat', akhirBulan: m.key });

// "2026-11" → the register's year and month.
const periodOf = (m: Month) => {
  const [year, month] = m.key.split('-').map(Number) as [number, number];
  return { year, month };
};

// A tooltip's line: the month running has no end yet, so its late count is of now.
const tooltipLine = (value: unknown, name: unknown, item: TooltipPayloadEntry): [ReactNode, ReactNode] => [
  formatCount(Number(value)),
  item.dataKey === 'lateAtEnd' && (item.payload as Month | undefined)?.running ? 'Terlambat saat ini' : String(name),
];

// Twelve months ending with the chosen one: received and finished as bars, still late at
// each month's end as a line. A click on a bar or a point of the line opens those complaints
// in the register; the table beside the chart holds the same numbers as links.
export function DashboardTrend({ trend }: { trend: Month[] }) {
  const theme = useMantineTheme();
  const openBehind = useOpenBehind();
  const running = trend.find((m) => m.running && m.lateAtEnd !== null);
  const open = (index: number, dateOf: DateOf) => {
    const m = trend[index];
    if (m) openBehind(registerPath({ ...periodOf(m), dateOf }));
  };
  const openLate = (index: number) => {
    const m = trend[index];
    if (m && m.lateAtEnd !== null) openBehind(lateAtEndPath(m));
  };
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            Dua belas bulan terakhir
          </Title>
          <Text size="sm" c="dimmed">
            Klik batang atau titik garis sebuah bulan untuk membuka pengaduannya di buku register.
          </Text>
        </div>
        <Grid gutter="md" align="flex-start">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <div aria-hidden style={{ height: 400 }}>
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={trend} margin={{ left: 0, right: 8, top: 8 }} accessibilityLayer={false}>
                  <CartesianGrid vertical={false} strokeDasharray="3 3" />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-35} textAnchor="end" height={50} />
                  {/* Room for "10.000": a narrower axis cut "1.600" to ".600". */}
                  <YAxis allowDecimals={false} tickFormatter={formatCount} width={60} tick={{ fontSize: 12 }} />
                  {/* In the page's text colour, as the legend: the pale bar colour is no colour for words. */}
                  <Tooltip formatter={tooltipLine} separator=": " itemStyle={{ color: 'var(--mantine-color-text)' }} />
                  <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
                  <Bar dataKey="received" name="Diterima" fill={theme.colors.teal[6]} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(i, 'diterima')} />
                  <Bar dataKey="finished" name="Selesai" fill={theme.colors.blue[3]} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(i, 'selesai')} />
                  <Line
                    dataKey="lateAtEnd"
                    name="Terlambat pada akhir bulan"
                    stroke={theme.colors.red[7]}
                    strokeWidth={2}
                    isAnimationActive={false}
                    activeDot={(p: ActiveDotProps) => <Dot cx={p.cx} cy={p.cy} r={6} fill={p.stroke} cursor="pointer" onClick={() => openLate(p.index)} />}
                  />
                </ComposedChart>
              </ResponsiveContainer>
            </div>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Table striped withTableBorder aria-label="Dua belas bulan terakhir" fz="sm" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Bulan</Table.Th>
                  <Table.Th ta="right">Diterima</Table.Th>
                  <Table.Th ta="right">Selesai</Table.Th>
                  <Table.Th ta="right">Terlambat pada akhir bulan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trend.map((m) => (
                  <Table.Tr key={m.key}>
                    <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                      {m.label}
                    </Table.Th>
                    <Table.Td ta="right">
                      <DashboardLink n={m.received} to={registerPath(periodOf(m))} label={`pengaduan diterima ${m.label}`} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <DashboardLink n={m.finished} to={registerPath({ ...periodOf(m), dateOf: 'selesai' })} label={`pengaduan selesai ${m.label}`} />
                    </Table.Td>
                    {/* The month running counts as of now; a month not begun has nothing yet. */}
                    <Table.Td ta="right" title={m.lateAtEnd === null ? 'Bulan ini belum berjalan' : undefined}>
                      {m.lateAtEnd === null ? (
                        '–'
                      ) : (
                        <DashboardLink n={m.lateAtEnd} to={lateAtEndPath(m)} label={m.running ? `pengaduan terlambat saat ini (${m.label} masih berjalan)` : `pengaduan terlambat pada akhir ${m.label}`} c={m.lateAtEnd ? 'red.8' : undefined} />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {running && (
              <Text size="xs" c="dimmed" mt={4}>
                {running.label} masih berjalan: terlambatnya dihitung sampai saat ini.
              </Text>
            )}
          </Grid.Col>
        </Grid>
      </Stack>
    </Card>
  );
}
