import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { contract } from '../../../shared/contract';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { call } from '../../api';
import { showApiError } from '../../lib/feedback';
import { useSession } from '../../lib/session';
import { Fact } from './ComplaintFacts';

type Reporter = ComplaintDetail['reporter'];
const openSchema = contract['complaints.personalData'].input;

// The reporter's identity. A Kasi who is not handling the complaint sees it masked
// and may open it only with a reason, which the core writes to the audit trail (UU PDP).
export function ReporterCard({ c }: { c: ComplaintDetail }) {
  const { user } = useSession();
  const [revealed, setRevealed] = useState<{ reporter: Reporter; reason: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const r = revealed?.reporter ?? c.reporter;
  const masked = c.personalDataMasked && !revealed;

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
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
          {masked && user.role === 'kasi' && (
            <Button size="xs" variant="light" onClick={() => setAsking(true)}>
              Buka data pelapor
            </Button>
          )}
        </Group>
        {masked && (
          <Text size="sm" c="dimmed">
            Data pribadi pelapor disamarkan karena pengaduan ini tidak didisposisikan kepada Anda.
          </Text>
        )}
        {revealed && (
          <Alert color="yellow" p="xs">
            Data pribadi dibuka dengan alasan “{revealed.reason}”; pembukaan ini tercatat dalam jejak audit.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Fact label="Nama">{r.name}</Fact>
          <Fact label="NIK">{r.nik}</Fact>
          <Fact label="Alamat">{r.address}</Fact>
          <Fact label="Telepon/WA">{r.phone}</Fact>
          <Fact label="Email">{r.email}</Fact>
        </SimpleGrid>
      </Stack>
      <OpenPersonalData
        id={c.id}
        opened={asking}
        onClose={() => setAsking(false)}
        onOpened={(reporter, reason) => {
          setRevealed({ reporter, reason });
          setAsking(false);
        }}
      />
    </Card>
  );
}

function OpenPersonalData(props: { id: number; opened: boolean; onClose(): void; onOpened(r: Reporter, reason: string): void }) {
  const form = useForm<z.input<typeof openSchema>, unknown, z.output<typeof openSchema>>({
    resolver: zodResolver(openSchema),
    defaultValues: { id: props.id, reason: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      props.onOpened(await call('complaints.personalData', values), values.reason);
      form.reset({ id: props.id, reason: '' });
    } catch (err) {
      showApiError(err, form.setError, 'Data pelapor tidak dapat dibuka');
    }
  });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Buka data pribadi pelapor">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Nama, NIK, alamat dan kontak pelapor adalah data pribadi (UU 27/2022). Tuliskan mengapa Anda perlu melihatnya; alasan, nama Anda dan
            waktunya dicatat dalam jejak audit.
          </Text>
          <Textarea label="Alasan membuka data" autosize minRows={2} {...form.register('reason')} error={form.formState.errors.reason?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Batal
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Buka data
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
