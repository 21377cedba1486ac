import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, FileInput, Group, List, Paper, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ApiCallError, call } from '../../api';
import { CATEGORY_LABEL, CHANNEL_LABEL, COMPLAINT_KIND_LABEL, STATUS_LABEL } from '../../../shared/domain';
import {
  IMPORT_FIELD_LABEL,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  IMPORT_REQUIRED,
  IMPORT_SOURCE_LABEL,
  IMPORT_SOURCES,
  type ImportMapping,
  type ImportPreview,
  type ImportReport,
  type ImportSource,
} from '../../../shared/schemas/import';
import { formatTanggal } from '../../../shared/time/format';
import { Page } from '../../components/Page';
import { notifyError } from '../../lib/feedback';
import { readAsBase64 } from '../../lib/files';
import { useOfficeWords, useSession } from '../../lib/session';

const NONE = '';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

// "Impor register lama": upload the register kept in Excel/CSV (or an SP4N-LAPOR!
// export), check how its columns are read and what each row becomes, then confirm.
// Nothing is saved before the confirmation.
export function ImportPage() {
  const { user, office } = useSession();
  const words = useOfficeWords();
  const [file, setFile] = useState<File | null>(null);
  const [data, setData] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [sheet, setSheet] = useState<string | undefined>();
  const [source, setSource] = useState<ImportSource | undefined>();
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mappingChanged, setMappingChanged] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);

  const load = async (next: { sheet?: string | undefined; source?: ImportSource | undefined; mapping?: ImportMapping | undefined }, upload = data) => {
    if (!upload) return;
    setBusy(true);
    setProblem(null);
    try {
      const p = await call('import.preview', { file: upload, ...next });
      setPreview(p);
      setSheet(p.sheet);
      setSource(p.source);
      setMapping(p.mapping);
      setMappingChanged(false);
      setConfirmed(false);
    } catch (err) {
      if (err instanceof ApiCallError) setProblem(err.message);
      else notifyError(err, 'Berkas belum dapat dibaca');
    } finally {
      setBusy(false);
    }
  };

  const readFile = async () => {
    if (!file) return setProblem('Pilih berkas register (.xlsx atau .csv) terlebih dahulu.');
    if (file.size > IMPORT_MAX_BYTES) return setProblem(`Berkas "${file.name}" lebih besar dari ${IMPORT_MAX_BYTES / 1024 / 1024} MB; pecah register per tahun lalu impor satu per satu.`);
    setReport(null);
    const upload = { fileName: file.name, dataBase64: await readAsBase64(file) };
    setData(upload);
    await load({}, upload);
  };

  const run = async () => {
    if (!data || !preview || !source) return;
    setBusy(true);
    setProblem(null);
    try {
      const { jobId, total } = await call('import.start', { file: data, sheet, source, mapping, confirm: true });
      setProgress({ done: 0, total });
      for (;;) {
        await wait(400);
        const status = await call('import.status', { jobId });
        setProgress({ done: status.done, total: status.total });
        if (status.report) {
          setReport(status.report);
          setPreview(null);
          setData(null);
          setFile(null);
          break;
        }
      }
    } catch (err) {
      if (err instanceof ApiCallError) setProblem(err.message);
      else notifyError(err, 'Impor belum selesai');
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const required = source ? IMPORT_REQUIRED[source] : [];
  const missing = required.filter((f) => mapping[f] === undefined || mapping[f] === null);
  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: `${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''} · ${h}` }));

  return (
    <Page
      title="Impor register lama"
      subtitle="Bawa buku register yang selama ini disimpan di Excel atau CSV, atau ekspor laporan SP4N-LAPOR!, ke Tanggap. Periksa pratinjau dulu; tidak ada yang disimpan sebelum Anda menekan tombol impor."
    >
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={4}>1. Pilih berkas</Title>
          <Group align="flex-end" gap="sm">
            <FileInput
              label="Berkas register (.xlsx atau .csv)"
              placeholder="Pilih berkas…"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              clearable
              w={360}
              value={file}
              onChange={(f) => {
                setFile(f);
                setProblem(null);
              }}
            />
            <Button onClick={() => void readFile()} loading={busy && !progress} disabled={!file || !!progress}>
              Baca berkas
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            Baris judul di atas tabel dilewati; baris judul kolom dicari otomatis. Tanggal boleh ditulis seperti 3 Agustus 2025, 3 Agt 2025, 03/08/2025 atau sebagai tanggal
            Excel. Paling besar {IMPORT_MAX_BYTES / 1024 / 1024} MB.
          </Text>
          {problem && (
            <Alert color="red" title="Belum dapat diimpor" role="alert">
              {problem}
            </Alert>
          )}
        </Stack>
      </Paper>

      {preview && (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={4}>2. Lembar dan kolom</Title>
            <Group gap="sm" align="flex-end">
              {preview.sheets.length > 1 && (
                <Select
                  label="Lembar kerja"
                  w={260}
                  data={preview.sheets}
                  value={sheet ?? null}
                  allowDeselect={false}
                  onChange={(v) => v && void load({ sheet: v })}
                />
              )}
              <Select
                label="Jenis berkas"
                w={300}
                data={IMPORT_SOURCES.map((s) => ({ value: s, label: IMPORT_SOURCE_LABEL[s] }))}
                value={source ?? null}
                allowDeselect={false}
                onChange={(v) => {
                  setSource(v as ImportSource);
                  setMappingChanged(true);
                }}
              />
            </Group>
            <Text size="sm" c="dimmed">
              Judul kolom ada di baris {preview.headerRow}. Kolom sudah dipilihkan menurut judulnya; ubah bila keliru. Yang bertanda * wajib ada.
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="xs">
              {IMPORT_FIELDS.map((f) => (
                <Select
                  key={f}
                  label={`${IMPORT_FIELD_LABEL[f]}${required.includes(f) ? ' *' : ''}${f === 'gender' ? ' (tidak disimpan)' : ''}`}
                  placeholder="— tidak ada —"
                  data={headerOptions}
                  value={mapping[f] === undefined || mapping[f] === null ? null : String(mapping[f])}
                  clearable
                  searchable
                  error={required.includes(f) && (mapping[f] === undefined || mapping[f] === null) ? 'Pilih kolomnya' : undefined}
                  onChange={(v) => {
                    setMapping((m) => ({ ...m, [f]: v === null || v === NONE ? null : Number(v) }));
                    setMappingChanged(true);
                  }}
                />
              ))}
            </SimpleGrid>
            {mappingChanged && (
              <Group>
                <Button variant="light" loading={busy} onClick={() => void load({ sheet, source, mapping })}>
                  Perbarui pratinjau
                </Button>
                <Text size="sm" c="orange.8">
                  Pemetaan kolom berubah: perbarui pratinjau sebelum mengimpor.
                </Text>
              </Group>
            )}
          </Stack>
        </Paper>
      )}

      {preview && (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={4}>3. Pratinjau</Title>
            <Group gap="xs" aria-label="Ringkasan pratinjau">
              <Badge size="lg" variant="light" color="gray">
                {preview.total.toLocaleString('id-ID')} baris
              </Badge>
              <Badge size="lg" variant="light" color="teal">
                {preview.ready.toLocaleString('id-ID')} siap diimpor
              </Badge>
              <Badge size="lg" variant="light" color={preview.skipped ? 'red' : 'gray'}>
                {preview.skipped.toLocaleString('id-ID')} dilewati
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {preview.rows.length < preview.total ? `${preview.rows.length} baris pertama.` : 'Semua baris.'} Pengaduan yang masih berjalan menurut lembar ini dimulai alurnya
              menurut Standar Pelayanan saat diimpor; yang selesai dicatat selesai pada tanggal selesainya.
            </Text>
            <ScrollArea>
              <Table striped withTableBorder fz="sm" miw={1000} aria-label="Pratinjau impor">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Baris</Table.Th>
                    <Table.Th>{source === 'lapor' ? 'ID LAPOR!' : 'No. Register'}</Table.Th>
                    <Table.Th>Tanggal</Table.Th>
                    <Table.Th>Pelapor</Table.Th>
                    <Table.Th>Perihal</Table.Th>
                    <Table.Th>Kanal · Jenis · Kategori</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>Catatan</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.row} bg={r.ok ? undefined : 'red.0'}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{source === 'lapor' ? r.laporId : r.registerNo}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.receivedDate ? formatTanggal(r.receivedDate, office.timeZone) : '—'}</Table.Td>
                      <Table.Td>{r.reporterName}</Table.Td>
                      <Table.Td>{r.subject}</Table.Td>
                      <Table.Td>
                        {[r.channel && CHANNEL_LABEL[r.channel], r.kind && COMPLAINT_KIND_LABEL[r.kind], r.category && CATEGORY_LABEL[r.category]].filter(Boolean).join(' · ')}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {!r.ok ? (
                          <Badge color="red" variant="light">
                            Dilewati
                          </Badge>
                        ) : r.status ? (
                          `${STATUS_LABEL[r.status]}${r.closedDate ? ` ${formatTanggal(r.closedDate, office.timeZone)}` : ''}`
                        ) : (
                          'Berjalan'
                        )}
                      </Table.Td>
                      <Table.Td>
                        {r.reasons.map((x) => (
                          <Text key={x} size="xs" c="red.8">
                            {x}
                          </Text>
                        ))}
                        {r.notes.map((x) => (
                          <Text key={x} size="xs" c="dimmed">
                            {x}
                          </Text>
                        ))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            {preview.skippedRows.length > 0 && (
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  Baris lain yang dilewati
                </Text>
                <ScrollArea.Autosize mah={220}>
                  <List size="sm" spacing={2}>
                    {preview.skippedRows.map((r) => (
                      <List.Item key={r.row}>
                        Baris {r.row}: {r.reason}
                      </List.Item>
                    ))}
                  </List>
                </ScrollArea.Autosize>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}

      {preview && (
        <Paper withBorder p="lg">
          <Stack gap="sm">
            <Title order={4}>4. Impor</Title>
            <Checkbox
              checked={confirmed}
              onChange={(e) => setConfirmed(e.currentTarget.checked)}
              disabled={mappingChanged || preview.ready === 0}
              label={`Saya sudah memeriksa pratinjau: impor ${preview.ready.toLocaleString('id-ID')} baris ke buku register, lewati ${preview.skipped.toLocaleString('id-ID')} baris.`}
            />
            {missing.length > 0 && (
              <Text size="sm" c="red.8">
                Pilih dulu kolom untuk {missing.map((f) => IMPORT_FIELD_LABEL[f]).join(', ')}.
              </Text>
            )}
            {preview.ready === 0 && (
              <Text size="sm" c="red.8">
                Tidak ada baris yang dapat diimpor. Periksa alasan di pratinjau.
              </Text>
            )}
            <Group>
              <Button onClick={() => void run()} loading={busy} disabled={!confirmed || mappingChanged || missing.length > 0 || preview.ready === 0}>
                Impor {preview.ready.toLocaleString('id-ID')} baris
              </Button>
            </Group>
            {progress && (
              <Stack gap={4}>
                <Progress value={progress.total ? (progress.done / progress.total) * 100 : 0} animated aria-label="Kemajuan impor" />
                <Text size="sm" c="dimmed">
                  {progress.done.toLocaleString('id-ID')} dari {progress.total.toLocaleString('id-ID')} baris diproses…
                </Text>
              </Stack>
            )}
          </Stack>
        </Paper>
      )}

      {report && (
        <Alert color={report.skipped.length ? 'yellow' : 'green'} title="Hasil impor" role="status">
          <Stack gap="xs">
            <Text size="sm">
              {report.imported.toLocaleString('id-ID')} pengaduan diimpor ({report.closed.toLocaleString('id-ID')} selesai, {report.open.toLocaleString('id-ID')} masih berjalan
              dan masuk antrean sesuai Standar Pelayanan); {report.skipped.length.toLocaleString('id-ID')} baris dilewati dari {report.total.toLocaleString('id-ID')} baris.
            </Text>
            {report.skipped.length > 0 && (
              <ScrollArea.Autosize mah={300}>
                <Table fz="sm" withTableBorder aria-label="Baris yang dilewati">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Baris</Table.Th>
                      <Table.Th>Alasan</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {report.skipped.map((r) => (
                      <Table.Tr key={r.row}>
                        <Table.Td>{r.row}</Table.Td>
                        <Table.Td>{r.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            )}
            {user.role === 'staf' ? (
              <Button component={Link} to="/register" variant="light" w="fit-content">
                Buka buku register
              </Button>
            ) : (
              <Text size="sm" c="dimmed">
                Pengaduan yang diimpor terlihat di Buku register bagi Staf, {words.secretary} dan {words.head}. Mengimpor berkas yang sama lagi tidak menggandakan data.
              </Text>
            )}
          </Stack>
        </Alert>
      )}
    </Page>
  );
}
