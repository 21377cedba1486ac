import { useState } from 'react';
import { Alert, Button, FileButton, Grid, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type * as z from 'zod';
import { ApiCallError, call } from '../api';
import { DOCUMENT_KIND_LABEL, DOCUMENT_STATUS_LABEL } from '../../shared/documents/kinds';
import { VERIFY_CODE_EXAMPLE, type verifyResultSchema } from '../../shared/schemas/documents';
import { Page } from '../components/Page';
import { notifyError } from '../lib/feedback';
import { formatBytes, readAsBase64 } from '../lib/files';
import { useDates } from '../lib/session';

type VerifyResult = z.infer<typeof verifyResultSchema>;

const DOCX_MAX_BYTES = 10 * 1024 * 1024;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function docxProblem(file: File): string | null {
  if (!file.name.toLowerCase().endsWith('.docx') && file.type !== DOCX_MIME)
    return `Berkas "${file.name}" bukan DOCX. Pilih berkas .docx yang diunduh dari Tanggap; PDF atau foto tidak dapat diperiksa di sini, gunakan kodenya.`;
  if (file.size > DOCX_MAX_BYTES) return `Berkas "${file.name}" ${formatBytes(file.size)}, lebih besar dari 10 MB.`;
  if (file.size === 0) return `Berkas "${file.name}" kosong.`;
  return null;
}



// Anyone signed in checks whether a printed or sent document was issued by this
// office: by the code under its signature or by the DOCX file itself.
export function VerifyPage() {
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'code' | 'file' | null>(null);
  const [result, setResult] = useState<{ source: string; value: VerifyResult } | null>(null);

  const verify = async (by: 'code' | 'file', input: { code?: string; docxBase64?: string }, source: string) => {
    setBusy(by);
    setResult(null);
    try {
      setResult({ source, value: await call('documents.verify', input) });
    } catch (err) {
      const message = err instanceof ApiCallError ? (err.fields.code ?? err.fields.docxBase64 ?? (err.field ? err.message : null)) : null;
      // Said under its field only, or else in a notice.
      if (message) (by === 'code' ? setCodeError : setFileError)(message);
      else notifyError(err, 'Dokumen belum dapat diperiksa');
    } finally {
      setBusy(null);
    }
  };

  const checkCode = () => {
    const typed = code.trim().toUpperCase();
    if (!typed) return setCodeError(`Ketik kode periksa yang tercetak di kotak kaki dokumen, di samping kode QR, contoh ${VERIFY_CODE_EXAMPLE}.`);
    setCodeError(null);
    void verify('code', { code: typed }, `kode ${typed}`);
  };

  const checkFile = async (file: File | null) => {
    if (!file) return;
    const problem = docxProblem(file);
    setFileError(problem);
    if (problem) return;
    try {
      const docxBase64 = await readAsBase64(file);
      await verify('file', { docxBase64 }, `berkas ${file.name}`);
    } catch (err) {
      setFileError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Page title="Periksa dokumen" subtitle="Pastikan surat atau berita acara memang diterbitkan kantor ini dan belum diganti versi lain.">
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="lg" h="100%">
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                checkCode();
              }}
            >
              <Stack gap="sm">
                <Title order={4}>Dengan kode periksa</Title>
                <Text size="sm" c="dimmed">
                  Kode periksa tercetak di kotak kaki dokumen yang ditandatangani di Tanggap, di samping kode QR.
                </Text>
                <TextInput
                  label="Kode periksa"
                  placeholder={`contoh: ${VERIFY_CODE_EXAMPLE}`}
                  maxLength={40}
                  autoComplete="off"
                  styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
                  value={code}
                  onChange={(e) => {
                    setCode(e.currentTarget.value.toUpperCase());
                    setCodeError(null);
                  }}
                  error={codeError}
                />
                <Group>
                  <Button type="submit" loading={busy === 'code'} disabled={busy === 'file'}>
                    Periksa kode
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Paper withBorder p="lg" h="100%">
            <Stack gap="sm">
              <Title order={4}>Dengan berkas DOCX</Title>
              <Text size="sm" c="dimmed">
                Pilih berkas .docx yang diunduh dari Tanggap (paling besar 10 MB). Berkas yang sudah dibuka lalu disimpan ulang atau diubah tidak akan
                cocok lagi.
              </Text>
              <Group>
                <FileButton accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={(f) => void checkFile(f)}>
                  {(p) => (
                    <Button variant="light" {...p} loading={busy === 'file'} disabled={busy === 'code'}>
                      Pilih berkas DOCX
                    </Button>
                  )}
                </FileButton>
              </Group>
              {fileError && (
                <Text c="red" size="sm" role="alert">
                  {fileError}
                </Text>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>

      {result && <Verdict source={result.source} result={result.value} />}

      <Alert color="gray" variant="light" title="Tentang tanda tangan di Tanggap">
        Tanda tangan yang dibubuhkan di layar Tanggap bukan tanda tangan elektronik tersertifikasi (BSrE). Kode periksa hanya menunjukkan bahwa
        dokumen tercatat di aplikasi kantor ini, siapa yang menandatangani dan kapan. Kantor juga dapat menandatangani dokumen cetak dengan tangan
        (tanda tangan basah) lalu mengunggah hasil pindaiannya; dokumen seperti itu juga tercatat di sini.
      </Alert>
    </Page>
  );
}

function Verdict({ source, result }: { source: string; result: VerifyResult }) {
  const { long } = useDates();
  const d = result.document;
  if (!result.found || !d) {
    return (
      <Alert color="red" title={`Tidak ditemukan: ${source}`} role="status">
        {result.message}
      </Alert>
    );
  }
  const rows: [string, string][] = [
    ['Jenis dokumen', DOCUMENT_KIND_LABEL[d.kind]],
    ...(d.title && d.title !== DOCUMENT_KIND_LABEL[d.kind] ? [['Judul', d.title] as [string, string]] : []),
    // A form issued as it is (status final) has no outgoing number and is signed by hand.
    ...(d.status === 'final' ? [] : [['Nomor surat', d.number || 'Belum bernomor'] as [string, string]]),
    ['Nomor register pengaduan', d.registerNo || '–'],
    ['Ditandatangani', d.signedAt ? `${long(d.signedAt)} oleh ${d.signerName}` : d.status === 'final' ? 'Dengan tangan, pada lembar cetak' : 'Belum ditandatangani'],
    ['Status', DOCUMENT_STATUS_LABEL[d.status]],
  ];
  return (
    <Stack gap="sm" role="status">
      <Alert color={d.superseded ? 'orange' : 'green'} title={d.superseded ? `Ditemukan, tetapi sudah diganti versi baru: ${source}` : `Ditemukan: ${source}`}>
        <Text size="sm">{result.message}</Text>
        {d.superseded && (
          <Text size="sm" fw={500} mt={4}>
            Jangan pakai dokumen ini sebagai pegangan; minta salinan versi terbaru kepada kantor.
          </Text>
        )}
      </Alert>
      <Paper withBorder>
        <Table fz="sm" verticalSpacing="xs" aria-label="Rincian dokumen yang diperiksa">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={240}>{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}
