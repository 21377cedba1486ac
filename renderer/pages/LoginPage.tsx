import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { call, ApiCallError } from '../api';
import type { SessionUser } from '../lib/session';

interface FormProps {
  notice?: string;
  // The name to sign in again with after a session ended; empty on a fresh start.
  username?: string;
  onLoggedIn(user: SessionUser): void;
}

export function LoginForm({ notice, username = '', onLoggedIn }: FormProps) {
  const { register, handleSubmit, formState } = useForm({ defaultValues: { username, password: '' } });
  const [error, setError] = useState<string | null>(null);

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onLoggedIn(await call('auth.login', values));
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : 'Gagal masuk. Coba lagi.');
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {notice && !error && (
          <Alert color="yellow" title="Sesi berakhir">
            {notice}
          </Alert>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <TextInput label="Nama pengguna" autoComplete="username" autoFocus={!username} {...register('username')} />
        <PasswordInput label="Kata sandi" autoComplete="current-password" autoFocus={!!username} {...register('password')} />
        <Button type="submit" loading={formState.isSubmitting}>
          Masuk
        </Button>
      </Stack>
    </form>
  );
}

interface Props {
  officeName: string;
  onLoggedIn(): void;
}

export function LoginPage({ officeName, onLoggedIn }: Props) {
  return (
    <Center mih="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <Stack>
          <div>
            <Title order={2} c="teal.8">
              Tanggap
            </Title>
            <Text c="dimmed" size="sm">
              {officeName || 'Penanganan pengaduan masyarakat'}
            </Text>
          </div>
          <LoginForm onLoggedIn={onLoggedIn} />
        </Stack>
      </Paper>
    </Center>
  );
}
