import { Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { call } from '../api';
import { contract } from '../../shared/contract';
import { Page } from '../components/Page';
import { SignatureSpecimen } from '../components/documents/settings/SignatureSpecimen';
import { notifySuccess, showApiError } from '../lib/feedback';
import { ROLE_LABEL } from '../../shared/domain';
import { useSession } from '../lib/session';

const schema = contract['auth.changePassword'].input
  .extend({ repeat: z.string() })
  .refine((v) => v.repeat === v.newPassword, { error: 'Ulangi kata sandi baru dengan tepat sama.', path: ['repeat'] });

export function AccountPage() {
  const { user } = useSession();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { oldPassword: '', newPassword: '', repeat: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async ({ oldPassword, newPassword }) => {
    try {
      await call('auth.changePassword', { oldPassword, newPassword });
      form.reset();
      notifySuccess('Kata sandi sudah diganti.');
    } catch (err) {
      showApiError(err, form.setError, 'Kata sandi belum diganti');
    }
  });

  // Only those who sign on screen keep a specimen.
  const signs = user.role === 'sekcam' || user.role === 'camat';

  return (
    <Page title="Akun saya" subtitle={`${user.name} · ${user.jabatan} · ${ROLE_LABEL[user.role]}`}>
      <Group align="flex-start" gap="md">
        <Paper withBorder p="lg" w={480} maw="100%">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text fw={600}>Ganti kata sandi</Text>
              <PasswordInput label="Kata sandi lama" autoComplete="current-password" {...form.register('oldPassword')} error={errors.oldPassword?.message} />
              <PasswordInput
                label="Kata sandi baru"
                description="Minimal 8 karakter."
                autoComplete="new-password"
                {...form.register('newPassword')}
                error={errors.newPassword?.message}
              />
              <PasswordInput label="Ulangi kata sandi baru" autoComplete="new-password" {...form.register('repeat')} error={errors.repeat?.message} />
              <Button type="submit" loading={form.formState.isSubmitting}>
                Ganti kata sandi
              </Button>
            </Stack>
          </form>
        </Paper>
        {signs && (
          <Paper withBorder p="lg" w={480} maw="100%">
            <Stack>
              <Text fw={600}>Contoh tanda tangan</Text>
              <SignatureSpecimen />
            </Stack>
          </Paper>
        )}
      </Group>
    </Page>
  );
}
