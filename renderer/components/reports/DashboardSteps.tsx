import { useState } from 'react';
import { Button, Card, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { RecapStep } from '../../../shared/reports/recap';
import { formatDurasi } from '../../../shared/time/format';
import { versiText } from '../../../shared/registerQuery';
import { registerPath } from '../register/query';
import { DashboardLink, formatCount, formatShare } from './DashboardLink';

// The standard's steps over the twelve months, slowest first: how long each took on average
// against its limit, and how often it was done in time. The bar is the average as a share
// of the limit. The times done, and done late, open the complaints behind them: each
// complaint once, so one that did a step twice (its disposition returned and made again)
// makes the count one more than the complaints listed, as the card says.
// The few slowest first; the whole standard on request.
const FIRST_SHOWN = 5;

const TENTHS = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
// The average as the limit beside it reads, in whole minutes; under an hour to a tenth of a
// minute where those would read the same though the bar says over or under ("15,4 menit"
// against "15 menit").
function averageText(avg: number, limit: number | null): string {
  const shown = formatDurasi(avg);
  return avg < 60 && limit !== null && shown === formatDurasi(limit) && Math.abs(avg - limit) >= 0.05 ? `${TENTHS.format(avg)} menit` : shown;
}

export function DashboardSteps({ steps, periodLabel, from, to }: { steps: RecapStep[]; periodLabel: string; from: string; to: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? steps : steps.slice(0, FIRST_SHOWN);
  // A row of a renumbered standard's step asks for the versions it counts (RecapStep.versi).
  const doneIn = ({ stepNo: no, versi }: RecapStep, terlambat?: true) =>
    registerPath({ langkah: { no, dari: from, sampai: to, ...(terlambat && { terlambat }), ...(versi && { versi }) } });
  const named = (s: RecapStep) => `langkah ${s.stepNo}${versiText(s.versi)}`;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            Langkah paling lambat
          </Title>
          <Text size="sm" c="dimmed">
            Langkah Standar Pelayanan yang selesai dikerjakan dalam dua belas bulan sampai {periodLabel}, diukur dalam waktu kerja (di luar hari libur dan
            penundaan). Yang paling jauh melewati batasnya di atas. Dikerjakan dan terlambat menghitung berapa kali langkah itu selesai; angkanya membuka
            pengaduannya di buku register, yang menampilkan setiap pengaduan sekali walaupun langkahnya dikerjakan dua kali (disposisi dikembalikan lalu diulang).
          </Text>
        </div>
        {steps.length === 0 ? (
          <Text c="dimmed" size="sm">
            Belum ada langkah yang selesai dikerjakan dalam dua belas bulan sampai {periodLabel}.
          </Text>
        ) : (
          <Table striped withTableBorder aria-label="Langkah paling lambat" fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Langkah</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Dikerjakan
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Rata-rata
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Batas
                </Table.Th>
                <Table.Th w={{ lg: '22%' }}>Rata-rata terhadap batas</Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Tepat waktu
                </Table.Th>
                <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                  Terlambat
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((s) => {
                const ratio = s.avgWorkMinutes !== null && s.limitMinutes ? s.avgWorkMinutes / s.limitMinutes : null;
                const ofLimit = ratio === null ? '' : formatShare(ratio, 1);
                return (
                  <Table.Tr key={`${s.stepNo} ${s.versi ?? ''}`}>
                    <Table.Th scope="row" fw={400}>
                      {s.stepNo}. {s.activity}
                    </Table.Th>
                    <Table.Td ta="right">
                      <DashboardLink
                        n={s.done}
                        to={s.done ? doneIn(s) : undefined}
                        label={`kali ${named(s)} dikerjakan dalam dua belas bulan sampai ${periodLabel}`}
                        title="Lihat pengaduannya di buku register"
                      />
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {s.avgWorkMinutes === null ? '–' : averageText(s.avgWorkMinutes, s.limitMinutes)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {/* As the standard writes it; the bar beside compares with the limits the steps had. */}
                      {s.limit ?? (s.limitMinutes === null ? '–' : formatDurasi(s.limitMinutes))}
                    </Table.Td>
                    <Table.Td>
                      {ratio === null ? (
                        '–'
                      ) : (
                        // The share in figures too: over the limit the bar is full however far over.
                        // On a narrow window the figure alone, leaving the steps' names room; the
                        // figure is what is read aloud, under its column's name.
                        <Group gap="xs" wrap="nowrap">
                          <Progress
                            visibleFrom="lg"
                            value={Math.min(100, ratio * 100)}
                            color={ratio > 1 ? 'red.7' : ratio > 0.8 ? 'orange.6' : 'teal.6'}
                            size="lg"
                            style={{ flex: 1 }}
                            aria-hidden
                          />
                          <Text span size="sm" c={ratio > 1 ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
                            {ofLimit}
                          </Text>
                        </Group>
                      )}
                    </Table.Td>
                    {/* On a narrow window the share alone (its counts are in Dikerjakan and Terlambat), leaving the steps' names room. */}
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatShare(s.onTime, s.done)}
                      <Text span c="dimmed" size="xs" visibleFrom="lg">
                        {' '}
                        ({formatCount(s.onTime)} dari {formatCount(s.done)})
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <DashboardLink
                        n={s.done - s.onTime}
                        to={s.done > s.onTime ? doneIn(s, true) : undefined}
                        label={`kali ${named(s)} selesai melewati batas waktunya dalam dua belas bulan sampai ${periodLabel}`}
                        title="Lihat pengaduannya di buku register"
                        c={s.done > s.onTime ? 'red.8' : undefined}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
        {steps.length > FIRST_SHOWN && (
          <Button variant="subtle" size="xs" onClick={() => setAll(!all)} style={{ alignSelf: 'flex-start' }}>
            {all ? `Tampilkan ${FIRST_SHOWN} langkah paling lambat saja` : `Tampilkan semua ${steps.length} langkah`}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
