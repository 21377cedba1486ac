import { useState } from 'react';
import { Alert, Badge, Button, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod';
import { ApiCallError, call } from '../../api';
import { TIME_ZONES, type TimeZoneId } from '../../../shared/domain';
import { setupFolderSchema, type BackupEntry } from '../../../shared/schemas/backup';
import { formatSingkat, zoneAbbrev } from '../../../shared/time/format';

type FolderForm = z.input<typeof setupFolderSchema>;

const messageOf = (err: unknown) =>
  err instanceof ApiCallError ? err.message : 'Tanggap tidak dapat dihubungi. Muat ulang halaman lalu coba lagi; tidak ada data yang berubah.';

// No office yet, so no office time zone: this computer's, when it is an Indonesian one.
const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
const TZ: TimeZoneId = (TIME_ZONES as readonly string[]).includes(here) ? (here as TimeZoneId) : 'Asia/Jakarta';

// The second way through a fresh install: the data of an office that already used
// Tanggap, from a backup folder on the computer that runs it.
export function RestoreFromBackup({ onRestored }: { onRestored(): void }) {
  const form = useForm<FolderForm, unknown, z.output<typeof setupFolderSchema>>({ resolver: zodResolver(setupFolderSchema), defaultValues: { folder: '' } });
  const [found, setFound] = useState<{ folder: string; backups: BackupEntry[] } | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  // Shown in the panel, not as a passing notice: the reason a backup was refused is long and worth reading.
  const [problem, setProblem] = useState<{ title: string; message: string } | null>(null);
  const { errors, isSubmitting } = form.formState;

  const search = form.handleSubmit(async ({ folder }) => {
    setFound(null);
    setProblem(null);
    try {
      setFound({ folder, backups: await call('setup.backups', { folder }) });
    } catch (err) {
      if (err instanceof ApiCallError && err.field === 'folder') form.setError('folder', { type: 'server', message: err.message });
      else setProblem({ title: 'Folder cadangan belum dapat dibaca', message: messageOf(err) });
    }
  });

  const restore = async (entry: BackupEntry) => {
    if (!found) return;
    setRestoring(entry.file);
    setProblem(null);
    try {
      const { complaints } = await call('setup.restore', { folder: found.folder, file: entry.file });
      // Stays on the login screen that follows until closed: the first thing to read there.
      notifications.show({
        color: 'green',
        title: 'Pemulihan selesai',
        message: `${complaints.toLocaleString('id-ID')} pengaduan dipulihkan dari ${entry.file}. Silakan masuk dengan akun yang ada di data cadangan.`,
        autoClose: false,
      });
      onRestored();
    } catch (err) {
      setProblem({ title: 'Data belum dipulihkan', message: messageOf(err) });
      setRestoring(null);
    }
  };

  return (
    <Paper withBorder p="lg">
      <Stack>
        <div>
          <Title order={3}>Pulihkan dari cadangan</Title>
          <Text size="sm" c="dimmed">
            Untuk kantor yang sudah memakai Tanggap, misalnya setelah pindah komputer atau pasang ulang: profil kantor, pengguna, pengaduan dan lampirannya diambil
            dari cadangan yang dibuat Tanggap. Pengguna masuk lagi dengan akun dan kata sandi lamanya.
          </Text>
        </div>
        <form onSubmit={search} noValidate>
          <Stack align="flex-start">
            <TextInput
              w="100%"
              label="Folder cadangan"
              description="Lokasi lengkap folder di komputer yang menjalankan Tanggap (bukan komputer lain yang membuka Tanggap lewat jaringan), misalnya E:\Cadangan Tanggap atau /media/flashdisk/tanggap. Pasang dulu hard disk atau flashdisk cadangannya."
              placeholder="E:\Cadangan Tanggap"
              autoComplete="off"
              {...form.register('folder')}
              error={errors.folder?.message}
            />
            <Button type="submit" loading={isSubmitting} disabled={restoring !== null}>
              Cari cadangan
            </Button>
          </Stack>
        </form>
        {problem && (
          <Alert color="red" title={problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        {found && found.backups.length === 0 && (
          <Alert color="yellow" title="Tidak ada cadangan di folder ini">
            Cadangan Tanggap bernama seperti tanggap-2026-11-29T1605.sqlite. Periksa folder yang dipilih, atau salin cadangannya ke folder ini.
          </Alert>
        )}
        {found && found.backups.length > 0 && (
          <>
            <Text size="sm">Pilih cadangan yang dipulihkan, biasanya yang terbaru dan terverifikasi. Isinya diperiksa utuh lebih dulu.</Text>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Waktu</Table.Th>
                  <Table.Th>Berkas</Table.Th>
                  <Table.Th>Pengaduan</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {found.backups.map((b) => (
                  <Table.Tr key={b.file}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{`${formatSingkat(b.takenAt, TZ)} ${zoneAbbrev(TZ)}`}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{b.file}</Table.Td>
                    <Table.Td>{b.verified ? b.complaints.toLocaleString('id-ID') : '–'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={b.verified ? 'green' : 'red'} variant="light" miw="max-content">
                        {b.verified ? 'Terverifikasi' : 'Belum terverifikasi'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" loading={restoring === b.file} disabled={restoring !== null && restoring !== b.file} onClick={() => void restore(b)}>
                        Pulihkan
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
