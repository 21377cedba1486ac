import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, Group, Image, List, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod';
import { call } from '../../api';
import { fingerprintGroups } from '../../../shared/schemas/connect';
import { lanSettingsSchema, type LanStatus } from '../../../shared/schemas/server';
import { Loading, Page } from '../../components/Page';
import { notifyError, notifySuccess, showApiError } from '../../lib/feedback';
import { focusFirstError } from '../../lib/focusFirstError';
import { useCall } from '../../lib/useCall';

type SettingsForm = z.input<typeof lanSettingsSchema>;
const TITLE = 'Server kantor';
const SUBTITLE = 'Komputer ini melayani komputer lain di jaringan kantor, dengan sambungan terenkripsi (HTTPS).';

function StatusBadge({ status }: { status: LanStatus }) {
  if (status.running) return <Badge color="green">Berjalan</Badge>;
  if (status.error) return <Badge color="red">Gagal berjalan</Badge>;
  return <Badge color="gray">Mati</Badge>;
}

export function ServerPage() {
  const loaded = useCall('server.status', {});
  const [status, setStatus] = useState<LanStatus | undefined>();
  const form = useForm<SettingsForm, unknown, z.output<typeof lanSettingsSchema>>({ resolver: zodResolver(lanSettingsSchema) });
  const { reset } = form;
  const { errors, isDirty, isSubmitting } = form.formState;

  useEffect(() => {
    if (loaded.data) {
      setStatus(loaded.data);
      reset(loaded.data.settings);
    }
  }, [loaded.data, reset]);

  type Settings = z.output<typeof lanSettingsSchema>;
  // Switching a running server off, or moving it, cuts every PC connected to it: asked first.
  const [cutting, setCutting] = useState<Settings | null>(null);
  const apply = async (settings: Settings) => {
    setCutting(null);
    try {
      const next = await call('server.update', settings);
      setStatus(next);
      reset(next.settings);
      if (next.error) notifyError(next.error, 'Server kantor belum berjalan');
      else notifySuccess(next.running ? `Server kantor berjalan di ${next.url}.` : 'Server kantor dimatikan.');
    } catch (err) {
      showApiError(err, form.setError, 'Pengaturan server belum tersimpan');
    }
  };
  const save = form.handleSubmit(async (settings) => {
    const was = status?.settings;
    const cuts = status?.running && was && (!settings.enabled || settings.address !== was.address || settings.port !== was.port);
    if (cuts) setCutting(settings);
    else await apply(settings);
  }, focusFirstError);

  if (!status) {
    return (
      <Page title={TITLE} subtitle={SUBTITLE}>
        <Loading error={loaded.error} retry={loaded.reload} />
      </Page>
    );
  }
  if (!status.available) {
    return (
      <Page title={TITLE} subtitle={SUBTITLE}>
        <Alert color="yellow" title="Tidak tersedia di sini">
          Tanggap yang Anda buka berjalan tanpa server jaringan, sehingga komputer ini tidak dapat dijadikan server dari halaman ini. Buka aplikasi desktop
          Tanggap di komputer kantor yang akan menjadi server, lalu buka menu Server kantor di sana.
        </Alert>
      </Page>
    );
  }

  // The page itself may come through this server: switching it off or moving it ends this connection.
  const throughIt = status.url !== null && window.location.origin === status.url;
  const choices = status.interfaces.map((i) => ({ value: i.address, label: `${i.address} (${i.name})` }));
  const saved = status.settings.address;
  if (saved && !choices.some((c) => c.value === saved)) choices.push({ value: saved, label: `${saved} (tidak ada lagi di komputer ini)` });

  return (
    <Page title={TITLE} subtitle={SUBTITLE}>
      <Paper withBorder p="lg">
        <form onSubmit={save} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={4}>Pengaturan</Title>
              <StatusBadge status={status} />
            </Group>
            {status.error && (
              <Alert color="red" title="Server kantor tidak berjalan">
                {status.error}
              </Alert>
            )}
            <Controller
              control={form.control}
              name="enabled"
              render={({ field }) => (
                <Switch
                  label="Jadikan komputer ini server"
                  description="Komputer lain di kantor memakai data di komputer ini. Komputer ini harus menyala dan Tanggap terbuka selama jam kerja."
                  checked={field.value}
                  onChange={(e) => field.onChange(e.currentTarget.checked)}
                />
              )}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={640}>
              <Controller
                control={form.control}
                name="address"
                render={({ field }) => (
                  <Select
                    label="Alamat jaringan"
                    description="Kartu jaringan yang tersambung ke jaringan kantor."
                    placeholder={choices.length ? 'Pilih alamat' : 'Tidak ada jaringan'}
                    data={choices}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                    error={errors.address?.message}
                    allowDeselect={false}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="port"
                render={({ field }) => (
                  <NumberInput
                    label="Port"
                    description="Biarkan 8443 kecuali dipakai program lain."
                    min={1024}
                    max={65535}
                    // Out of range stays as typed and the save says why; emptied ('') it asks for a number.
                    clampBehavior="none"
                    allowDecimal={false}
                    value={field.value}
                    onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                    error={errors.port?.message}
                  />
                )}
              />
            </SimpleGrid>
            {choices.length === 0 && (
              <Text size="sm" c="red">
                Komputer ini belum tersambung ke jaringan. Sambungkan kabel LAN atau Wi-Fi kantor, lalu muat ulang halaman ini.
              </Text>
            )}
            {throughIt && (
              <Alert color="yellow">Anda membuka halaman ini lewat server kantor. Bila server dimatikan atau alamatnya diganti, halaman ini terputus.</Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" disabled={!isDirty || isSubmitting} onClick={() => reset(status.settings)}>
                Batalkan perubahan
              </Button>
              <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
                Simpan
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <Modal opened={cutting !== null} onClose={() => setCutting(null)} title={cutting?.enabled ? 'Pindahkan server kantor?' : 'Matikan server kantor?'} size={520} centered>
        <Stack gap="sm">
          <Text size="sm">
            Komputer lain yang sedang tersambung ke {status.url ?? 'server ini'} terputus
            {cutting?.enabled ? ' dan harus dihubungkan lagi ke alamat yang baru (menu Sambungkan ke server kantor, atau alamat baru di peramban).' : ' sampai server dinyalakan lagi.'}{' '}
            Isian yang belum disimpan di komputer itu tidak dapat disimpan sebelum tersambung lagi.
          </Text>
          {throughIt && <Text size="sm">Halaman ini juga dibuka lewat server itu, sehingga ikut terputus.</Text>}
          <Group justify="flex-end" wrap="nowrap">
            <Button variant="default" onClick={() => setCutting(null)} data-autofocus>
              Batal
            </Button>
            <Button color="orange" onClick={() => cutting && void apply(cutting)}>
              {cutting?.enabled ? 'Ya, pindahkan' : 'Ya, matikan'}
            </Button>
          </Group>
        </Stack>
      </Modal>

      {status.running && status.url && (
        <Paper withBorder p="lg">
          <Group align="flex-start" gap="xl" wrap="wrap">
            <Stack gap="md" style={{ flex: 1, minWidth: 320 }}>
              <div>
                <Text size="sm" c="dimmed">
                  Alamat server
                </Text>
                <Text size="xl" fw={700} ff="monospace" data-testid="server-url">
                  {status.url}
                </Text>
              </div>
              {status.fingerprint && (
                <div>
                  <Text size="sm" c="dimmed">
                    Sidik jari sertifikat (SHA-256)
                  </Text>
                  <SimpleGrid cols={4} spacing={4} verticalSpacing={4} maw={620} data-testid="server-fingerprint" aria-label={`Sidik jari ${status.fingerprint}`}>
                    {fingerprintGroups(status.fingerprint).map((group, i) => (
                      <Code key={i} fz="lg" fw={600} ta="center" py={4}>
                        {group}
                      </Code>
                    ))}
                  </SimpleGrid>
                </div>
              )}
            </Stack>
            {status.qr && <Image src={status.qr} alt={`Kode QR alamat ${status.url}`} w={180} h={180} />}
          </Group>
        </Paper>
      )}

      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Title order={4}>Menyambungkan komputer lain</Title>
          <List size="sm" spacing={6} type="ordered">
            <List.Item>
              Di komputer lain, buka aplikasi desktop Tanggap dan pilih <b>Sambungkan ke server kantor</b>, lalu ketik alamat server yang tampil di atas setelah server dinyalakan.
            </List.Item>
            <List.Item>
              Saat pertama tersambung, aplikasi menampilkan sidik jari sertifikat. Cocokkan kelompok demi kelompok dengan sidik jari di layar ini; sambungkan hanya bila
              semuanya sama. Bila berbeda, jangan lanjutkan: ada komputer lain yang menyamar sebagai server; hubungi pengelola TI kantor.
            </List.Item>
            <List.Item>
              Bisa juga lewat peramban (Chrome, Edge, Firefox) dengan membuka alamat server itu, atau memindai kode QR dari tablet. Peramban akan memperingatkan bahwa
              sambungan &quot;tidak aman&quot; atau &quot;tidak pribadi&quot;, karena sertifikat dibuat sendiri oleh komputer ini, bukan oleh lembaga sertifikat. Periksa
              sidik jarinya (klik ikon di kiri alamat, lalu lihat sertifikat), lalu pilih <i>Lanjutan</i> dan <i>Lanjutkan ke alamat</i>.
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Sertifikat dan kuncinya disimpan di folder data Tanggap komputer ini dan dipakai terus, sehingga sidik jarinya tetap sama. Semua pengguna masuk dengan akun
            masing-masing; batas percobaan masuk berlaku untuk setiap komputer. Bila Windows menanyakan izin jaringan untuk Tanggap, pilih <b>Jaringan pribadi</b>.
          </Text>
        </Stack>
      </Paper>
    </Page>
  );
}
