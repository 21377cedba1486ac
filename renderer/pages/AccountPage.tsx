import { Group, Paper, Stack, Text } from '@mantine/core';
import { Page } from '../components/Page';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { SignatureSpecimen } from '../components/documents/settings/SignatureSpecimen';
import { notifySuccess } from '../lib/feedback';
import { SPECIMEN_ROLES } from '../../shared/domain';
import { useRoleLabel, useSession } from '../lib/session';

export function AccountPage() {
  const { user } = useSession();
  const roleLabel = useRoleLabel();
  const signs = SPECIMEN_ROLES.includes(user.role);

  return (
    <Page title="Akun saya" subtitle={`${user.name} · ${user.jabatan} · ${roleLabel(user.role)}`}>
      <Group align="flex-start" gap="md">
        <Paper withBorder p="lg" w={480} maw="100%">
          <Stack>
            <Text fw={600}>Ganti kata sandi</Text>
            <ChangePasswordForm onChanged={() => notifySuccess('Kata sandi sudah diganti.')} />
          </Stack>
        </Paper>
        {signs && (
          <Paper withBorder p="lg" w={480} maw="100%">
            <Stack>
              <Text fw={600}>Contoh tanda tangan</Text>
              {user.role === 'kasi' && (
                <Text size="sm" c="dimmed">
                  Dipakai pada hari Anda ditunjuk sebagai Plt./Plh. pimpinan untuk menandatangani surat di aplikasi.
                </Text>
              )}
              <SignatureSpecimen />
            </Stack>
          </Paper>
        )}
      </Group>
    </Page>
  );
}
