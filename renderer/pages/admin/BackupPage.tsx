import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod';
import { notifications } from '@mantine/notifications';
import { call } from '../../api';
import { BACKUP_REASON_LABEL, backupSettingsSchema, type BackupEntry, type BackupStatus } from '../../../shared/schemas/backup';
import { Loading, Page } from '../../components/Page';
import { StaleEditAlert } from '../../components/StaleEditAlert';
import { notifyError, notifySuccess, showApiError } from '../../lib/feedback';
import { formatBytes } from '../../lib/files';
import { useDates, useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';
import { focusFirstError } from '../../lib/focusFirstError';
import { useStaleEdit } from '../../lib/staleEdit';

type SettingsForm = z.input<typeof backupSettingsSchema>;
const CONFIRM_WORD = 'PULIHKAN';

function VerifiedBadge({ entry }: { entry: BackupEntry }) {
  return entry.verified ? (
    <Badge color="green" variant="light">
      Terverifikasi
    </Badge>
  ) : (
    <Badge color="red" variant="light">
      Belum terverifikasi
    </Badge>
  );
}

export function BackupPage() {
  const loaded = useCall('backup.status', {});
  const [status, setStatus] = useState<BackupStatus | undefined>();
  const [backingUp, setBackingUp] = useState(false);
  const [restoring, setRestoring] = useState<BackupEntry | null>(null);
  const { long } = useDates();
  const form = useForm<SettingsForm, unknown, z.output<typeof backupSettingsSchema>>({ resolver: zodResolver(backupSettingsSchema) });
  const { reset } = form;
  const { errors, isDirty, isSubmitting } = form.formState;
  const stale = useStaleEdit();
  const clearStale = stale.clear;

  useEffect(() => {
    if (loaded.data) {
      setStatus(loaded.data);
      reset(loaded.data.settings);
      clearStale();
    }
  }, [loaded.data, reset, clearStale]);

  const save = form.handleSubmit(async (settings) => {
    try {
      // The settings as this page last read them: a save made by someone else since is refused.
      const next = await call('backup.updateSettings', { ...settings, rowVersion: status?.settings.rowVersion ?? 0 });
      setStatus(next);
      reset(next.settings);
      notifySuccess('Pengaturan cadangan tersimpan.');
    } catch (err) {
      if (stale.caught(err)) return;
      showApiError(err, form.setError, 'Pengaturan cadangan belum tersimpan');
    }
  }, focusFirstError);

  const backupNow = async () => {
    setBackingUp(true);
    try {
      const next = await call('backup.now');
      setStatus(next);
      notifySuccess(`Cadangan ${next.last?.file ?? ''} dibuat dan sudah diperiksa utuh.`);
    } catch (err) {
      notifyError(err, 'Cadangan belum dibuat');
      loaded.reload();
    } finally {
      setBackingUp(false);
    }
  };

  if (!status) {
    return (
      <Page title="Cadangan data" subtitle="Salinan basis data dan lampiran, diperiksa utuh sebelum dihitung.">
        <Loading error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  }
  const { last } = status;

  return (
    <Page title="Cadangan data" subtitle="Salinan basis data dan lampiran, diperiksa utuh sebelum dihitung.">
      {!status.settings.folder && (
        <Alert color="yellow" title="Data kantor belum dicadangkan" role="alert">
          Belum ada folder cadangan, jadi belum ada cadangan sama sekali: bila komputer ini rusak, semua pengaduan dan jejak auditnya hilang. Isi folder cadangan
          di hard disk lain atau flashdisk, simpan, lalu tekan Cadangkan sekarang.
        </Alert>
      )}
      <Paper withBorder p="lg">
        <form onSubmit={save} noValidate>
          <Stack>
            <Title order={4}>Pengaturan</Title>
            <StaleEditAlert message={stale.message} onReload={loaded.reload} />
            <TextInput
              label="Folder cadangan"
              description="Lokasi lengkap di hard disk lain atau flashdisk pada komputer yang menyimpan data kantor, misalnya D:\Cadangan Tanggap di Windows atau /media/flashdisk/tanggap di Linux. Jangan folder bersama di jaringan: cadangan di sana dapat rusak."
              {...form.register('folder')}
              error={errors.folder?.message}
            />
            <Controller
              control={form.control}
              name="keep"
              render={({ field }) => (
                <NumberInput
                  label="Jumlah cadangan yang disimpan"
                  description="1 sampai 365; cadangan yang lebih lama dihapus otomatis."
                  min={1}
                  max={365}
                  // A number out of range stays as typed and the save says why; an emptied field
                  // (left as '', as the standard's fields do) asks for a number.
                  clampBehavior="none"
                  maw={260}
                  value={field.value}
                  onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                  error={errors.keep?.message}
                />
              )}
            />
            <Controller
              control={form.control}
              name="daily"
              render={({ field }) => (
                <Switch
                  label="Cadangan otomatis setiap hari (saat aplikasi berjalan)"
                  description={field.value && !status.settings.folder ? 'Belum berjalan: isi dan simpan folder cadangan dulu.' : undefined}
                  checked={field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
                Simpan pengaturan
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Paper withBorder p="lg">
        <Stack align="flex-start">
          <Title order={4}>Cadangan terakhir</Title>
          {last ? (
            <Group gap="xs">
              <Text size="sm">
                {long(last.takenAt)} · {last.file} · {formatBytes(last.size)}
              </Text>
              <VerifiedBadge entry={last} />
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {status.settings.folder ? 'Belum ada cadangan di folder ini.' : 'Belum ada cadangan.'}
            </Text>
          )}
          {status.folderMissing && (
            <Text size="sm" c="orange.9">
              Folder {status.settings.folder} belum ada. Folder itu dibuat saat cadangan pertama; bila letaknya di flashdisk atau hard disk lain, pastikan terpasang.
            </Text>
          )}
          {status.lastError && (
            <Alert color="red" title="Cadangan terakhir gagal" w="100%" role="alert">
              {status.lastError}
            </Alert>
          )}
          <Button onClick={() => void backupNow()} loading={backingUp || status.running} disabled={!status.settings.folder}>
            Cadangkan sekarang
          </Button>
          {!status.settings.folder && (
            <Text size="sm" c="dimmed">
              Isi dan simpan folder cadangan dulu.
            </Text>
          )}
        </Stack>
      </Paper>

      <Paper withBorder>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Waktu</Table.Th>
              <Table.Th>Berkas</Table.Th>
              <Table.Th>Jenis</Table.Th>
              <Table.Th>Pengaduan</Table.Th>
              <Table.Th>Ukuran</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {status.backups.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed">
                    Belum ada cadangan.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {status.backups.map((b) => (
              <Table.Tr key={b.file}>
                <Table.Td>{long(b.takenAt)}</Table.Td>
                <Table.Td>{b.file}</Table.Td>
                <Table.Td>{BACKUP_REASON_LABEL[b.reason]}</Table.Td>
                <Table.Td>{b.verified ? b.complaints.toLocaleString('id-ID') : '–'}</Table.Td>
                <Table.Td>{formatBytes(b.size)}</Table.Td>
                <Table.Td>
                  <VerifiedBadge entry={b} />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" color="orange" disabled={!b.verified || status.running} onClick={() => setRestoring(b)}>
                    Pulihkan
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <RestoreDialog entry={restoring} onClose={() => setRestoring(null)} />
    </Page>
  );
}

function RestoreDialog({ entry, onClose }: { entry: BackupEntry | null; onClose: () => void }) {
  const { long } = useDates();
  const { logout } = useSession();
  const [word, setWord] = useState('');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setWord('');
    onClose();
  };

  const restore = async () => {
    if (!entry) return;
    setBusy(true);
    try {
      const r = await call('backup.restore', { file: entry.file });
      // Signing out clears the notices, so this one comes after and stays on the login screen.
      await logout();
      notifications.show({
        color: 'green',
        title: 'Pemulihan selesai',
        message:
          `Data dipulihkan dari ${r.restoredFrom} (${r.complaints.toLocaleString('id-ID')} pengaduan).` +
          (r.safetyBackup ? ` Data sebelumnya tersimpan di cadangan ${r.safetyBackup}.` : '') +
          ' Silakan masuk lagi.',
        autoClose: false,
      });
    } catch (err) {
      notifyError(err, 'Data belum dipulihkan');
      setBusy(false);
    }
  };

  return (
    <Modal opened={entry !== null} onClose={close} title="Pulihkan data dari cadangan?" size="lg">
      {entry && (
        <Stack>
          <Alert color="orange" variant="light" title="Seluruh data aktif diganti">
            <Stack gap={4}>
              <Text size="sm">
                Data kantor diganti dengan cadangan <b>{entry.file}</b> dari {long(entry.takenAt)}. Pengaduan, disposisi dan dokumen yang dicatat sesudah
                waktu itu tidak ada lagi di data aktif.
              </Text>
              <Text size="sm">
                Sebelum diganti, data yang sekarang <b>dicadangkan lebih dulu</b> ke folder cadangan, sehingga masih dapat dipulihkan kembali.
              </Text>
              <Text size="sm">Semua pengguna, termasuk Anda, harus masuk lagi. Minta pengguna lain menyimpan pekerjaannya dulu.</Text>
            </Stack>
          </Alert>
          <TextInput
            label={`Ketik ${CONFIRM_WORD} untuk melanjutkan`}
            value={word}
            onChange={(e) => setWord(e.currentTarget.value)}
            autoComplete="off"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Batal
            </Button>
            <Button color="red" loading={busy} disabled={word.trim().toUpperCase() !== CONFIRM_WORD} onClick={() => void restore()}>
              Pulihkan data
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
