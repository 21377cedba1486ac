import { Card, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../shared/reports/dashboard';
import { DashboardLink, formatCount, legendText, useOpenBehind } from './DashboardLink';

type Row = Dashboard['bySeksi'][number];
export type BreakdownFigure = 'received' | 'open' | 'late';

interface Props {
  title: string;
  // The first column's heading ("Seksi", "Kanal").
  by: string;
  rows: Row[];
  periodLabel: string;
  // Where the complaints behind a row's figure are listed; none: shown as plain text.
  linkFor: (row: Row, figure: BreakdownFigure) => string | undefined;
}

const ROW_PX = 40;

// One breakdown of the month (by seksi, by channel): a small bar chart for the eye and the
// same numbers in a table beside it, every number a link, for reading and for keyboards.
export function DashboardBreakdown({ title, by, rows, periodLabel, linkFor }: Props) {
  const theme = useMantineTheme();
  const openBehind = useOpenBehind();
  const open = (index: number, figure: BreakdownFigure) => {
    const row = rows[index];
    const to = row && linkFor(row, figure);
    if (to) openBehind(to);
  };
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            Belum ada pengaduan pada {periodLabel}.
          </Text>
        ) : (
          <>
            {/* The table below says the same; the chart is hidden from screen readers and out of the Tab order (recharts makes it a tab stop by default). */}
            <div aria-hidden style={{ height: 48 + rows.length * ROW_PX }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
                  <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} tickFormatter={formatCount} />
                  <YAxis type="category" dataKey="label" width={190} tick={{ fontSize: 12 }} />
                  <Tooltip formatter={(v) => formatCount(Number(v))} separator=": " />
                  <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} />
                  <Bar dataKey="received" name="Diterima" fill={theme.colors.teal[6]} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(i, 'received')} />
                  <Bar dataKey="late" name="Terlambat (saat ini)" fill={theme.colors.red[7]} isAnimationActive={false} cursor="pointer" onClick={(_, i) => open(i, 'late')} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <Table striped withTableBorder aria-label={title} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{by}</Table.Th>
                  <Table.Th ta="right">Diterima</Table.Th>
                  <Table.Th ta="right">Belum selesai*</Table.Th>
                  <Table.Th ta="right">Terlambat*</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={400}>
                      {r.label}
                    </Table.Th>
                    <Table.Td ta="right">
                      <DashboardLink n={r.received} to={linkFor(r, 'received')} label={`pengaduan diterima ${periodLabel}, ${r.label}`} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <DashboardLink n={r.open} to={linkFor(r, 'open')} label={`pengaduan belum selesai, ${r.label}`} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <DashboardLink n={r.late} to={linkFor(r, 'late')} label={`pengaduan terlambat, ${r.label}`} c={r.late > 0 ? 'red.8' : undefined} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed">
              Diterima: pada {periodLabel}. *Saat ini, dari pengaduan semua bulan yang masih berjalan.
            </Text>
          </>
        )}
      </Stack>
    </Card>
  );
}
