import { Group, Paper, Stack, Text } from '@mantine/core';
import { Page } from '../components/Page';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { SignatureSpecimen } from '../components/documents/settings/SignatureSpecimen';
import { notifySuccess } from '../lib/feedback';
import { ROLE_LABEL, type Role } from '../../shared/domain';
import { useSession } from '../lib/session';

const SPECIMEN_ROLES: readonly Role[] = ['kasi', 'sekcam', 'camat'];

export function AccountPage() {
  const { user } = useSession();
  // Who keeps a signature specimen: the Camat and the Sekcam, who sign on screen, and every
  // Kasi, for the days the Admin appoints him Plt./Plh. (he puts it in place before, and sees
  // or removes it after). These are the roles signsForHead is ever true for.
  const signs = SPECIMEN_ROLES.includes(user.role);

  return (
    <Page title="Akun saya" subtitle={`${user.name} · ${user.jabatan} · ${ROLE_LABEL[user.role]}`}>
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
