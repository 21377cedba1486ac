import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { Fact } from './ComplaintFacts';
import { useOfficeWords } from '../../lib/session';

// The reporter's identity. The core masks it for whoever may not see it (an anonymous
// reporter is known only to the Camat and the officer who received the complaint).
export function ReporterCard({ c }: { c: ComplaintDetail }) {
  const r = c.reporter;
  const { head } = useOfficeWords();
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={4}>Pelapor</Title>
          {r.anonymous && (
            <Badge color="gray" variant="light">
              Anonim
            </Badge>
          )}
          {r.confidential && (
            <Badge color="dark" variant="light">
              Rahasia
            </Badge>
          )}
        </Group>
        {c.personalDataMasked && (
          <Text size="sm" c="dimmed">
            Identitas pelapor anonim disamarkan: hanya {head} dan petugas yang menerima pengaduan ini yang dapat melihatnya.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label="Nama">{r.name}</Fact>
          <Fact label="NIK">{r.nik}</Fact>
          <Fact label="Alamat">{r.address}</Fact>
          <Fact label="Telepon/WA">{r.phone}</Fact>
          <Fact label="Email">{r.email}</Fact>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
