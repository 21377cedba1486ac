import { useEffect, useState } from 'react';
import { Alert, Button, Container, Divider, Group, Paper, PasswordInput, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import type * as z from 'zod';
import { call } from '../api';
import { setupFormSchema } from '../../shared/schemas/setup';
import { useCall } from '../lib/useCall';
import { showApiError } from '../lib/feedback';
import { OfficeFields } from '../components/office/OfficeFields';
import { RestoreFromBackup } from '../components/setup/RestoreFromBackup';
import { focusFirstError } from '../lib/focusFirstError';

const schema = setupFormSchema;
type SetupInput = z.input<typeof schema>;
type SetupData = z.output<typeof schema>;

const emptyAdmin: SetupInput['admin'] = {
  username: '',
  password: '',
  passwordConfirm: '',
  user: { name: '', nip: '', jabatan: 'Admin Sistem', pangkat: '', role: 'admin', seksi: '', active: true },
};

// First start on an empty database: the office profile (from one of the five
// published standards, or blank) and the first Admin account, or the office's data
// restored from a backup.
export function SetupPage({ onDone }: { onDone(): void }) {
  // Only the desktop app can keep a server's certificate and open it (ConnectPage).
  const canConnect = typeof (window.tanggap as { client?: unknown } | undefined)?.client === 'object';
  const [path, setPath] = useState<string | null>('baru');
  const presets = useCall('setup.presets', {});
  const form = useForm<SetupInput, unknown, SetupData>({
    resolver: zodResolver(schema),
    defaultValues: { presetId: 'blank', admin: emptyAdmin },
  });
  const { register, handleSubmit, control, formState, reset, watch, setError, getValues } = form;
  const presetId = watch('presetId');

  // Choosing a preset fills the office profile; what the admin typed for the account stays.
  useEffect(() => {
    const preset = presets.data?.find((p) => p.id === presetId);
    if (preset) reset({ ...getValues(), presetId, office: preset.office });
  }, [presetId, presets.data, reset, getValues]);

  // The repeated password was checked by the form's schema; the core never receives it.
  const submit = handleSubmit(async ({ admin: { passwordConfirm: _repeated, ...admin }, ...values }) => {
    try {
      await call('setup.complete', { ...values, admin });
      onDone();
    } catch (err) {
      showApiError(err, setError, 'Penyiapan belum tersimpan');
    }
  }, focusFirstError);

  const adminErrors = formState.errors.admin;
  return (
    <Container size="md" py="xl">
      <Stack>
        <div>
          <Title order={1} c="teal.8">
            Selamat datang di Tanggap
          </Title>
          <Text c="dimmed">Siapkan kantor yang baru memakai Tanggap, atau pulihkan data kantor dari cadangan.</Text>
        </div>
        {canConnect && (
          <Paper withBorder p="md" bg="teal.0">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                Kantor sudah memakai Tanggap di komputer lain yang dijadikan server? Sambungkan komputer ini ke server itu; tidak perlu
                menyiapkan apa pun di sini.
              </Text>
              <Button component={Link} to="/sambung" variant="light" style={{ flexShrink: 0 }}>
                Sambungkan ke server kantor
              </Button>
            </Group>
          </Paper>
        )}
        <Tabs value={path} onChange={setPath}>
          <Tabs.List>
            <Tabs.Tab value="baru">Siapkan kantor baru</Tabs.Tab>
            <Tabs.Tab value="pulihkan">Pulihkan dari cadangan</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="baru" pt="md">
            <form onSubmit={submit} noValidate>
              <Stack>
                <Text c="dimmed" size="sm">
                  Isi profil kantor dan akun Admin pertama. Kolom bertanda * wajib diisi. Semua isian dapat diubah lagi oleh Admin di menu
                  pengaturan.
                </Text>
                <Paper withBorder p="lg">
                  <Stack>
                    <Title order={3}>Profil kantor</Title>
                    <Select
                      label="Contoh profil kantor"
                      description="Pilih salah satu kantor yang Standar Pelayanannya sudah tersedia, atau Kosong untuk mengisi sendiri. Standar pelayanan dan kalender kerja ikut dipasang."
                      data={(presets.data ?? []).map((p) => ({ value: p.id, label: p.label }))}
                      value={presetId}
                      onChange={(v) => form.setValue('presetId', v ?? 'blank')}
                      allowDeselect={false}
                      disabled={!presets.data}
                    />
                    {presets.error && <Alert color="red">{presets.error.message}</Alert>}
                    <OfficeFields control={control} register={register} errors={formState.errors} />
                  </Stack>
                </Paper>
                <Paper withBorder p="lg">
                  <Stack>
                    <Title order={3}>Akun Admin pertama</Title>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput label="Nama lengkap admin" withAsterisk {...register('admin.user.name')} error={adminErrors?.user?.name?.message} />
                      <TextInput label="NIP admin (boleh kosong)" {...register('admin.user.nip')} error={adminErrors?.user?.nip?.message} />
                      <TextInput label="Jabatan admin" withAsterisk {...register('admin.user.jabatan')} error={adminErrors?.user?.jabatan?.message} />
                      <TextInput label="Pangkat/golongan admin (boleh kosong)" {...register('admin.user.pangkat')} error={adminErrors?.user?.pangkat?.message} />
                    </SimpleGrid>
                    <Divider />
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      <TextInput
                        label="Nama pengguna admin"
                        withAsterisk
                        description="Dipakai untuk masuk, contoh: admin.kejayan."
                        autoComplete="username"
                        {...register('admin.username')}
                        error={adminErrors?.username?.message}
                      />
                      <div />
                      <PasswordInput
                        label="Kata sandi admin"
                        withAsterisk
                        description="Minimal 8 karakter."
                        autoComplete="new-password"
                        {...register('admin.password')}
                        error={adminErrors?.password?.message}
                      />
                      <PasswordInput
                        label="Ulangi kata sandi admin"
                        withAsterisk
                        description="Ketik sekali lagi untuk memastikan tidak salah ketik."
                        autoComplete="new-password"
                        {...register('admin.passwordConfirm')}
                        error={adminErrors?.passwordConfirm?.message}
                      />
                    </SimpleGrid>
                  </Stack>
                </Paper>
                {Object.keys(formState.errors).length > 0 && (
                  <Alert color="red" role="alert">
                    Ada isian yang belum benar; perbaiki kolom yang bertanda merah.
                  </Alert>
                )}
                <Button type="submit" size="md" loading={formState.isSubmitting}>
                  Simpan dan mulai
                </Button>
              </Stack>
            </form>
          </Tabs.Panel>
          <Tabs.Panel value="pulihkan" pt="md">
            <RestoreFromBackup onRestored={onDone} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Container>
  );
}
