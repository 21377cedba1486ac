import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { AuditIntegrity } from '../../components/admin/AuditIntegrity';
import { AuditTrail } from '../../components/admin/AuditTrail';
import { Page } from '../../components/Page';
import { useDates, useRoleLabel } from '../../lib/session';
import { useCall } from '../../lib/useCall';

export function AuditPage() {
  return (
    <Page title="Jejak audit" subtitle="Setiap masuk, perubahan status, disposisi, tanda tangan, pengaturan dan pembukaan data pribadi dicatat berurutan.">
      <AuditIntegrity />
      <AuditTrail />
      <PersonalDataViews />
    </Page>
  );
}

// Who opened a reporter's identity (UU PDP), by register number only.
function PersonalDataViews() {
  const views = useCall('audit.personalDataViews', {});
  const dates = useDates();
  const roleLabel = useRoleLabel();
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Title order={4}>Pembukaan data pribadi pelapor</Title>
        <Text size="sm" c="dimmed">
          Setiap kali identitas pelapor anonim atau rahasia ditampilkan, atau data pribadi pelapor dibuka dengan alasan, aplikasi mencatat siapa dan
          kapan. Daftar ini memuat 500 catatan terakhir.
        </Text>
        {views.error && <Alert color="red">{views.error.message}</Alert>}
        {views.data && views.data.length === 0 && <Text size="sm">Belum ada data pribadi pelapor yang dibuka.</Text>}
        {views.data && views.data.length > 0 && (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Waktu</Table.Th>
                <Table.Th>Pengguna</Table.Th>
                <Table.Th>Nomor register</Table.Th>
                <Table.Th>Alasan</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {views.data.map((v, i) => (
                <Table.Tr key={`${v.at}-${i}`}>
                  <Table.Td>{dates.long(v.at)}</Table.Td>
                  <Table.Td>
                    {v.actorName} ({roleLabel(v.actorRole)})
                  </Table.Td>
                  <Table.Td>{v.registerNo}</Table.Td>
                  <Table.Td>{v.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
