import { useState } from 'react';
import { Alert, Button, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api';
import type { CallOutput } from '../../../shared/contract';
import { ROLE_LABEL } from '../../../shared/domain';
import { Page } from '../../components/Page';
import { notifyError } from '../../lib/feedback';
import { useDates } from '../../lib/session';
import { useCall } from '../../lib/useCall';

type Verdict = CallOutput<'audit.verify'>;

export function AuditPage() {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [checking, setChecking] = useState(false);

  const verify = async () => {
    setChecking(true);
    try {
      setVerdict(await call('audit.verify'));
    } catch (err) {
      notifyError(err, 'Jejak audit belum dapat diperiksa');
    } finally {
      setChecking(false);
    }
  };

  return (
    <Page title="Jejak audit" subtitle="Setiap perubahan status, disposisi, tanda tangan dan pengaturan dicatat berurutan dan saling terkunci.">
      <Paper withBorder p="lg" maw={820}>
        <Stack align="flex-start">
          <Text size="sm">
            Setiap baris jejak audit memuat sidik (hash) dari isinya sendiri dan dari baris sebelumnya. Bila satu baris diubah, dihapus atau
            disisipkan di luar aplikasi, rantai sidik putus mulai baris itu. Pemeriksaan membaca seluruh jejak dari baris pertama.
          </Text>
          <Button onClick={() => void verify()} loading={checking}>
            Periksa jejak audit
          </Button>
          {verdict?.ok && (
            <Alert color="green" title="Jejak audit utuh" w="100%" role="status">
              {verdict.rows === 0
                ? 'Belum ada catatan audit.'
                : `${verdict.rows.toLocaleString('id-ID')} baris diperiksa; semuanya tersambung dan tidak ada yang diubah atau dihapus.`}
            </Alert>
          )}
          {verdict && !verdict.ok && verdict.firstBroken && (
            <Alert color="red" title={`Jejak audit rusak mulai baris ${verdict.firstBroken.id}`} w="100%" role="alert">
              <Stack gap="xs">
                <Text size="sm">{verdict.firstBroken.reason}</Text>
                <Text size="sm">
                  {verdict.rows.toLocaleString('id-ID')} baris diperiksa sampai kerusakan ditemukan. Artinya data di basis data diubah di luar aplikasi
                  Tanggap sejak baris itu dicatat. Langkah yang disarankan:
                </Text>
                <List size="sm">
                  <List.Item>Jangan ubah data lagi; catat waktu pemeriksaan ini.</List.Item>
                  <List.Item>Bandingkan dengan cadangan (backup) terakhir yang jejak auditnya masih utuh.</List.Item>
                  <List.Item>Laporkan kepada Camat dan pengelola sistem, siapa saja yang dapat membuka berkas basis data.</List.Item>
                </List>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Paper>
      <PersonalDataViews />
    </Page>
  );
}

// Who opened a reporter's identity (UU PDP), by register number only.
function PersonalDataViews() {
  const views = useCall('audit.personalDataViews', {});
  const dates = useDates();
  return (
    <Paper withBorder p="lg" maw={820} mt="md">
      <Stack gap="sm">
        <Title order={4}>Pembukaan data pribadi pelapor</Title>
        <Text size="sm" c="dimmed">
          Setiap kali identitas pelapor anonim atau rahasia ditampilkan, atau data pribadi pelapor dibuka dengan alasan, aplikasi mencatat siapa dan
          kapan. Daftar ini memuat 500 catatan terakhir.
        </Text>
        {views.error && <Alert color="red">{views.error.message}</Alert>}
        {views.data && views.data.length === 0 && <Text size="sm">Belum ada data pribadi pelapor yang dibuka.</Text>}
        {views.data && views.data.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Waktu</Table.Th>
                <Table.Th>Pengguna</Table.Th>
                <Table.Th>Nomor register</Table.Th>
                <Table.Th>Alasan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {views.data.map((v, i) => (
                <Table.Tr key={`${v.at}-${i}`}>
                  <Table.Td>{dates.long(v.at)}</Table.Td>
                  <Table.Td>
                    {v.actorName} ({ROLE_LABEL[v.actorRole]})
                  </Table.Td>
                  <Table.Td>{v.registerNo}</Table.Td>
                  <Table.Td>{v.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
