import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api';
import type { CallOutput } from '../../../shared/contract';
import type { AuditCheckpointCheck, AuditVerdict } from '../../../shared/schemas/audit';
import { notifyError } from '../../lib/feedback';
import { useOfficeWords } from '../../lib/session';
import { useDates } from '../../lib/session';

type Verdict = CallOutput<'audit.verify'>;

const n = (x: number) => x.toLocaleString('id-ID');

const SOURCE_LABEL: Record<AuditCheckpointCheck['source'], string> = { basis_data: 'Basis data kantor', folder_cadangan: 'Folder cadangan' };
const STATE: Record<AuditCheckpointCheck['state'], { label: string; color: string }> = {
  cocok: { label: 'Cocok', color: 'green' },
  terpotong: { label: 'Terpotong', color: 'red' },
  berubah: { label: 'Berubah', color: 'red' },
  kunci_lain: { label: 'Dari komputer lain', color: 'gray' },
};

// The check of the whole trail, said in plain words: what is sealed, what the
// checkpoints show, which complaints were changed outside the app, and what to do.
export function AuditIntegrity() {
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
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} maw={860}>
            <Title order={4}>Keutuhan jejak audit</Title>
            <Text size="sm">
              Setiap catatan disegel dengan kunci rahasia yang disimpan di komputer ini, di luar berkas basis data, dan segel itu ikut mengikat
              catatan sebelumnya. Bila ada catatan yang diubah, dihapus atau disisipkan dengan program lain di luar Tanggap, pemeriksaan akan
              menemukannya. Setiap kali cadangan dibuat, aplikasi juga menyimpan titik periksa (jumlah catatan saat itu) di basis data dan di folder
              cadangan, sehingga jejak yang dipotong pun ketahuan.
            </Text>
          </Stack>
          <Button onClick={() => void verify()} loading={checking} style={{ flexShrink: 0 }}>
            Periksa jejak audit
          </Button>
        </Group>
        {verdict && <VerdictView verdict={verdict} />}
      </Stack>
    </Paper>
  );
}

function VerdictView({ verdict }: { verdict: Verdict }) {
  const dates = useDates();
  const { complaints } = verdict;
  return (
    <Stack gap="sm">
      {verdict.ok ? (
        <Alert color="green" title={verdict.rows === 0 ? 'Belum ada catatan audit' : `Jejak audit utuh: ${n(verdict.rows)} catatan diperiksa`} role="status">
          <Stack gap={4}>
            <Text size="sm">Tidak ada catatan yang diubah, dihapus atau disisipkan di luar aplikasi.</Text>
            {verdict.sealedHere > 0 && <Text size="sm">{n(verdict.sealedHere)} catatan disegel dengan kunci komputer ini.</Text>}
            {verdict.carried > 0 && (
              <Text size="sm">
                {n(verdict.carried)} catatan dibuat sebelum penyegelan dimulai atau di komputer lain (misalnya dari cadangan yang dipulihkan); catatan itu
                dijaga oleh catatan bersegel sesudahnya.
              </Text>
            )}
          </Stack>
        </Alert>
      ) : (
        <Alert color="red" title={brokenTitle(verdict.firstBroken, dates.short)} role="alert">
          <Stack gap="xs">
            {verdict.firstBroken && <Text size="sm">{verdict.firstBroken.reason}</Text>}
            <Text size="sm">
              Jejak audit memuat {n(verdict.total)} catatan; pemeriksaan berhenti di catatan itu. Artinya data di basis data diubah dengan program lain di luar
              Tanggap. Langkah yang disarankan:
            </Text>
            <WhatToDo />
          </Stack>
        </Alert>
      )}

      {complaints.changed.length > 0 && (
        <Alert color="orange" title={`${n(complaints.changed.length)} pengaduan diubah di luar aplikasi`} role="alert">
          <Stack gap="xs">
            <Text size="sm">
              Data pengaduan berikut tidak sama dengan keadaan yang tercatat pada riwayatnya: {complaints.changed.map((c) => c.registerNo).join(', ')}.
              Bandingkan dengan berkas fisik dan cadangan terakhir.
            </Text>
            {verdict.ok && <WhatToDo />}
          </Stack>
        </Alert>
      )}
      {complaints.checked > 0 && complaints.changed.length === 0 && (
        <Text size="sm">{n(complaints.checked)} pengaduan dicocokkan dengan riwayatnya; semuanya sesuai.</Text>
      )}

      {verdict.checkpoints.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada titik periksa. Titik periksa disimpan setiap kali cadangan dibuat (menu Cadangan data).
        </Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Caption>
            Titik periksa yang disimpan bersama cadangan
            {!verdict.ok && ': masing-masing hanya mencocokkan jumlah dan segel catatan terakhir saat itu, sehingga hasil Cocok tidak meniadakan kerusakan di atas'}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Waktu</Table.Th>
              <Table.Th ta="right">Jumlah catatan</Table.Th>
              <Table.Th>Disimpan di</Table.Th>
              <Table.Th>Hasil</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {verdict.checkpoints.map((c, i) => (
              <Table.Tr key={`${c.at}-${c.source}-${i}`}>
                <Table.Td>{dates.short(c.at)}</Table.Td>
                <Table.Td ta="right">{n(c.rows)}</Table.Td>
                <Table.Td>{SOURCE_LABEL[c.source]}</Table.Td>
                <Table.Td>
                  <Badge color={STATE[c.state].color} variant="light">
                    {STATE[c.state].label}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function WhatToDo() {
  const { head } = useOfficeWords();
  return (
    <List size="sm">
      <List.Item>Jangan ubah data lagi; catat waktu pemeriksaan ini.</List.Item>
      <List.Item>Bandingkan dengan cadangan terakhir yang jejak auditnya masih utuh, lalu pertimbangkan memulihkannya.</List.Item>
      <List.Item>Laporkan kepada {head} dan pengelola sistem, termasuk siapa saja yang dapat membuka berkas basis data di komputer ini.</List.Item>
    </List>
  );
}

// Where the trail breaks, as the log below shows its rows: "mulai catatan 07/12/2026 06.05
// (Pengaduan dicatat oleh Dewi Lestari)"; by its number where that row is gone.
function brokenTitle(broken: AuditVerdict['firstBroken'], short: (iso: string) => string): string {
  if (!broken) return 'Jejak audit rusak';
  return broken.at ? `Jejak audit rusak mulai catatan ${short(broken.at)} (${broken.what})` : `Jejak audit rusak mulai catatan nomor ${broken.id}`;
}
