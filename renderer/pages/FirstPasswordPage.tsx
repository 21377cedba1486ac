import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import type { SessionUser } from '../lib/session';

interface Props {
  user: SessionUser;
  onChanged(): void;
  onLogout(): void;
}

// Right after signing in with a password the Admin set: nothing else opens until the
// user picks a password only they know (the core refuses every other call).
export function FirstPasswordPage({ user, onChanged, onLogout }: Props) {
  return (
    <Center mih="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <Stack>
          <div>
            <Title order={2}>Ganti kata sandi</Title>
            <Text c="dimmed" size="sm">
              {user.name} · {user.username}
            </Text>
          </div>
          <Alert color="yellow">
            Kata sandi Anda dibuat atau diatur ulang oleh admin. Ketik kata sandi itu sebagai kata sandi lama, lalu pilih kata sandi baru yang hanya Anda ketahui.
          </Alert>
          <ChangePasswordForm onChanged={onChanged} />
          <Button variant="subtle" onClick={onLogout}>
            Keluar
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
