import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ACTING_LABEL, type ActingOfficial } from '../../../shared/schemas/documents';
import { Loading, Page } from '../../components/Page';
import { ActingOfficialForm } from '../../components/documents/settings/ActingOfficialForm';
import { RemoveOfficialDialog } from '../../components/documents/settings/RemoveOfficialDialog';
import { actingTitle } from '../../components/documents/settings/acting';
import { useDates, useRoleLabel, useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';

function periodBadge(o: ActingOfficial, today: string) {
  if (o.to < today) return <Badge color="gray" variant="light">Sudah berakhir</Badge>;
  if (o.from > today) return <Badge color="blue" variant="light">Belum mulai</Badge>;
  return <Badge color="green" variant="light">Sedang berlaku</Badge>;
}

export function OfficialsPage() {
  const { office } = useSession();
  const { date, today: officeToday } = useDates();
  const roleLabel = useRoleLabel();
  const loaded = useCall('officials.list', {});
  const users = useCall('users.list', {});
  const [list, setList] = useState<ActingOfficial[] | undefined>();
  const [removing, setRemoving] = useState<ActingOfficial | null>(null);
  const today = officeToday();

  useEffect(() => {
    if (loaded.data) setList(loaded.data);
  }, [loaded.data]);

  const rows = [...(list ?? [])].sort((a, b) => b.from.localeCompare(a.from));

  // In the office's own words: a kecamatan's Camat and Sekretaris Kecamatan, another unit's head and secretary.
  const head = roleLabel('camat');
  const secretary = roleLabel('sekcam');
  return (
    <Page title={`Pejabat Plt./Plh. ${head}`} subtitle={`Siapa yang menandatangani atas nama jabatan ${head} selama ${head} berhalangan.`}>
      <Alert color="blue" variant="light" title="Siapa yang menandatangani">
        <Stack gap={4}>
          <Text size="sm">
            Dalam periode yang dicatat di sini, pejabat yang ditunjuk menandatangani dokumen dengan sebutan <b>Plt. {head}</b> (Pelaksana Tugas, bila {head}{' '}
            berhalangan tetap atau jabatan kosong) atau <b>Plh. {head}</b> (Pelaksana Harian, bila {head} berhalangan sementara, misalnya cuti atau dinas luar),
            disertai jabatannya sendiri di bawahnya.
          </Text>
          <Text size="sm">
            Di luar periode itu {head} menandatangani sendiri. {secretary} menandatangani <b>a.n. {head}</b> hanya pada langkah yang menurut Standar Pelayanan
            boleh dikerjakannya.
          </Text>
        </Stack>
      </Alert>

      <Paper withBorder p="lg">
        <Stack>
          <Title order={4}>Tambah penunjukan</Title>
          {users.data ? (
            <ActingOfficialForm users={users.data} onSaved={setList} />
          ) : (
            <Loading error={users.error} retry={users.reload} />
          )}
        </Stack>
      </Paper>

      <Paper withBorder>
        {!list ? (
          <Loading error={loaded.error} retry={loaded.reload} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" fz="sm" aria-label={`Daftar pejabat Plt./Plh. ${head}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nama dan jabatan</Table.Th>
                  <Table.Th w={210}>Sebutan</Table.Th>
                  <Table.Th w={290}>Periode</Table.Th>
                  <Table.Th w={170}>Keadaan</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={5}>
                      <Text c="dimmed" size="sm" ta="center" py="sm">
                        Belum ada penunjukan Plt. atau Plh. {head}. Tanpa penunjukan, dokumen ditandatangani {head} sendiri.
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
                {rows.map((o) => (
                  <Table.Tr key={o.id} c={o.to < today ? 'dimmed' : undefined}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {o.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.jabatan}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{actingTitle(o.kind, office.headTitle)}</Text>
                      <Text size="xs" c="dimmed">
                        {ACTING_LABEL[o.kind]}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {o.from === o.to ? date(o.from) : `${date(o.from)} – ${date(o.to)}`}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{periodBadge(o, today)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRemoving(o)} aria-label={`Hapus penunjukan ${o.name}`}>
                        Hapus
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <RemoveOfficialDialog
        official={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(next) => {
          setRemoving(null);
          setList(next);
        }}
      />
    </Page>
  );
}
