import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import { call } from '../api';
import { contract } from '../../shared/contract';
import { showApiError } from '../lib/feedback';
import { focusFirstError } from '../lib/focusFirstError';

const schema = contract['auth.changePassword'].input
  .extend({ repeat: z.string() })
  .refine((v) => v.repeat === v.newPassword, { error: 'Ulangi kata sandi baru dengan tepat sama.', path: ['repeat'] });

// The account's own password change, on the account page and at a first login.
export function ChangePasswordForm({ onChanged }: { onChanged(): void }) {
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { oldPassword: '', newPassword: '', repeat: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async ({ oldPassword, newPassword }) => {
    try {
      await call('auth.changePassword', { oldPassword, newPassword });
      form.reset();
      onChanged();
    } catch (err) {
      showApiError(err, form.setError, 'Kata sandi belum diganti');
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <PasswordInput label="Kata sandi lama" autoComplete="current-password" {...form.register('oldPassword')} error={errors.oldPassword?.message} />
        <PasswordInput
          label="Kata sandi baru"
          description="Minimal 8 karakter, berbeda dari kata sandi lama."
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
  );
}
