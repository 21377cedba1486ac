import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, useMatches } from '@mantine/core';
import type { User } from '../../../shared/schemas/user';
import { nipGrouped } from '../../../shared/text/numbers';
import { MENU_FOLDS_BELOW } from '../../components/Layout';
import { Loading, Page } from '../../components/Page';
import { NextSteps } from '../../components/setup/NextSteps';
import { HolidaysMissing } from '../../components/admin/HolidaysMissing';
import { CreateUserDialog, EditUserDialog, ResetPasswordDialog, type EditableUser } from '../../components/admin/UserDialogs';
import { useCall } from '../../lib/useCall';
import { useDates, useRoleLabel } from '../../lib/session';
import { call } from '../../api';
import { notifySuccess, showApiError } from '../../lib/feedback';

export function UsersPage() {
  const users = useCall('users.list', {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<EditableUser | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const rows = users.data ?? [];
  const active = rows.filter((u) => u.active).length;
  // A row's two actions side by side where the menu stands beside the page; one above the
  // other below that (a 1024 px screen), where side by side they squeeze Status to "Ak…".
  const actionsWrap = useMatches({ base: 'wrap' as const, [MENU_FOLDS_BELOW]: 'nowrap' as const });
  const dates = useDates();
  const roleLabel = useRoleLabel();
  // An account locked by wrong passwords opens again with its own password.
  const unlock = async (u: User) => {
    try {
      await call('users.unlock', { id: u.id });
      notifySuccess(`Akun ${u.username} dapat dipakai masuk lagi dengan kata sandinya.`, 'Kunci dibuka');
      users.reload();
    } catch (err) {
      showApiError(err, undefined, 'Kunci belum dibuka');
    }
  };

  return (
    <Page
      title="Pengguna"
      subtitle={`Akun Staf, ${roleLabel('kasi')}, ${roleLabel('sekcam')}, ${roleLabel('camat')} dan Admin. Nama, jabatan, pangkat dan NIP dipakai di blok tanda tangan surat.`}
      actions={<Button onClick={() => setCreating(true)}>Tambah pengguna</Button>}
    >
      <NextSteps refresh={users.data} />
      <HolidaysMissing />
      {!users.data ? (
        <Loading error={users.error} retry={users.reload} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" fz="sm" highlightOnHover aria-label="Daftar pengguna">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nama dan NIP</Table.Th>
                  <Table.Th>Nama pengguna</Table.Th>
                  <Table.Th>Jabatan dan pangkat/golongan</Table.Th>
                  <Table.Th>Peran</Table.Th>
                  <Table.Th>Seksi</Table.Th>
                  <Table.Th w={120}>Status</Table.Th>
                  <Table.Th w={270}>Tindakan</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((u) => (
                  <Table.Tr key={u.id} c={u.active ? undefined : 'dimmed'}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {/* A narrow column breaks after "NIP", never inside the number. */}
                        {u.nip ? (
                          <>
                            NIP <span style={{ whiteSpace: 'nowrap' }}>{nipGrouped(u.nip)}</span>
                          </>
                        ) : (
                          'Tanpa NIP'
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.username}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{u.jabatan}</Text>
                      {u.pangkat && (
                        <Text size="xs" c="dimmed">
                          {u.pangkat}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{roleLabel(u.role)}</Table.Td>
                    <Table.Td>{u.seksi || '–'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge color={u.active ? 'green' : 'gray'} variant="light">
                        {u.active ? 'Aktif' : 'Nonaktif'}
                      </Badge>
                      {u.lockedUntil && (
                        <Stack gap={2} mt={4} align="flex-start" style={{ whiteSpace: 'normal' }}>
                          <Text size="xs" c="orange.9">
                            Terkunci s.d. {dates.short(u.lockedUntil)}
                          </Text>
                          <Button size="compact-xs" variant="light" color="orange" onClick={() => void unlock(u)} aria-label={`Buka kunci ${u.username}`}>
                            Buka kunci
                          </Button>
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap={actionsWrap}>
                        <Button size="compact-sm" variant="light" onClick={() => setEditing(u)} aria-label={`Ubah ${u.username}`}>
                          Ubah
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="orange" onClick={() => setResetting(u)} aria-label={`Atur ulang kata sandi ${u.username}`}>
                          Atur ulang kata sandi
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" p="sm">
            {rows.length} pengguna, {active} aktif. Akun tidak dihapus agar riwayat pengaduan tetap menunjuk orang yang mengerjakannya; nonaktifkan lewat Ubah.
          </Text>
        </Paper>
      )}
      <CreateUserDialog
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          users.reload();
        }}
      />
      <EditUserDialog
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          users.reload();
        }}
        onReloaded={users.reload}
      />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </Page>
  );
}
