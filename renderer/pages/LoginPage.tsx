import { useState } from 'react';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { call, ApiCallError } from '../api';

interface Props {
  officeName: string;
  notice?: string;
  onLoggedIn(): void;
}

export function LoginPage({ officeName, notice, onLoggedIn }: Props) {
  const { register, handleSubmit, formState } = useForm({ defaultValues: { username: '', password: '' } });
  const [error, setError] = useState<string | null>(null);

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      await call('auth.login', values);
      onLoggedIn();
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : 'Gagal masuk. Coba lagi.');
    }
  });

  return (
    <Center mih="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={400}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <div>
              <Title order={2} c="teal.8">
                Tanggap
              </Title>
              <Text c="dimmed" size="sm">
                {officeName || 'Penanganan pengaduan masyarakat'}
              </Text>
            </div>
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
            <TextInput label="Nama pengguna" autoComplete="username" autoFocus {...register('username')} />
            <PasswordInput label="Kata sandi" autoComplete="current-password" {...register('password')} />
            <Button type="submit" loading={formState.isSubmitting}>
              Masuk
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
