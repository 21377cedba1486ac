import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod';
import { INSTRUCTION_LABEL, returnDispositionSchema, type Journey } from '../../../shared/schemas/workflow';
import { call } from '../../api';
import { notifyError, showApiError } from '../../lib/feedback';
import { useDates, useOfficeWords, useSession } from '../../lib/session';
import { SifatBadge } from '../StatusBadge';
import { focusFirstError } from '../../lib/focusFirstError';

type Disposition = Journey['dispositions'][number];

const STATE: Record<Disposition['state'], { label: string; color: string }> = {
  aktif: { label: 'Aktif', color: 'blue' },
  ditarik: { label: 'Ditarik', color: 'gray' },
  dikembalikan: { label: 'Dikembalikan', color: 'orange' },
  selesai: { label: 'Selesai', color: 'green' },
};

interface Props {
  journey: Journey;
  onChanged(message: string): void;
}

// The lembar disposisi of this complaint: who sent what to whom, and what became of it.
export function Dispositions({ journey, onChanged }: Props) {
  const { short } = useDates();
  const { head } = useOfficeWords();
  const [withdrawing, setWithdrawing] = useState<Disposition | null>(null);
  const [returning, setReturning] = useState<Disposition | null>(null);
  const [busy, setBusy] = useState(false);

  const withdraw = async (d: Disposition) => {
    setBusy(true);
    try {
      await call('workflow.withdrawDisposition', { dispositionId: d.id });
      setWithdrawing(null);
      onChanged(`Disposisi kepada ${d.toName} ditarik.`);
    } catch (err) {
      setWithdrawing(null);
      notifyError(err, 'Disposisi tidak dapat ditarik');
      onChanged('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Disposisi</Title>
        {journey.dispositions.length === 0 && (
          <Text size="sm" c="dimmed">
            Belum ada disposisi.
          </Text>
        )}
        {journey.dispositions.map((d) => {
          // The core says who may withdraw or return it now.
          const { mayWithdraw, mayReturn } = d;
          return (
            <Paper key={d.id} component="section" withBorder p="sm" aria-label={`Disposisi kepada ${d.toName}`}>
              <Stack gap={4}>
                <Group justify="space-between" align="flex-start">
                  <Text size="sm">
                    Dari <b>{d.fromName}</b>
                    {d.onBehalf && ` a.n. ${head}`} kepada <b>{d.toName}</b>
                    {d.toJabatan && ` (${d.toJabatan})`}
                  </Text>
                  <Group gap={4}>
                    <SifatBadge sifat={d.sifat} />
                    <Badge color={STATE[d.state].color} variant="light">
                      {STATE[d.state].label}
                    </Badge>
                    {d.state === 'aktif' && !d.openedAt && (
                      <Badge color="yellow" variant="outline">
                        Belum dibuka
                      </Badge>
                    )}
                  </Group>
                </Group>
                <Instructed d={d} />
                <Text size="xs" c="dimmed">
                  Dibuat {short(d.createdAt)}
                  {d.openedAt ? ` · Dibuka ${short(d.openedAt)}` : ' · Belum dibuka oleh penerima'}
                </Text>
                {d.returnReason && (
                  <Text size="sm" c="orange.8">
                    Alasan pengembalian: {d.returnReason}
                  </Text>
                )}
                {d.returnAwaits && (
                  <Text size="sm" c="orange.8">
                    Menunggu pemberi disposisi ({d.fromName}) mendisposisikan bagian ini kepada Kasi lain; disposisi yang lain tetap berjalan.
                  </Text>
                )}
                {(mayWithdraw || mayReturn) && (
                  <Group gap="xs" mt={4}>
                    {mayWithdraw && (
                      <Button size="xs" variant="light" color="red" onClick={() => setWithdrawing(d)}>
                        Tarik disposisi
                      </Button>
                    )}
                    {mayReturn && (
                      <Button size="xs" variant="light" color="orange" onClick={() => setReturning(d)}>
                        Kembalikan disposisi
                      </Button>
                    )}
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      <Modal opened={withdrawing !== null} onClose={() => setWithdrawing(null)} title="Tarik disposisi">
        <Stack gap="sm">
          <Text size="sm">
            Tarik disposisi kepada {withdrawing?.toName}? Disposisi hanya dapat ditarik selama belum dibuka penerimanya; setelah ditarik, langkah
            disposisi dapat diulang.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              Batal
            </Button>
            <Button color="red" loading={busy} onClick={() => withdrawing && void withdraw(withdrawing)}>
              Ya, tarik disposisi
            </Button>
          </Group>
        </Stack>
      </Modal>
      {returning && (
        <ReturnDisposition
          d={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            onChanged('Disposisi dikembalikan kepada pemberi disposisi.');
          }}
        />
      )}
    </Card>
  );
}

function ReturnDisposition({ d, onClose, onDone }: { d: Disposition; onClose(): void; onDone(): void }) {
  const form = useForm<z.input<typeof returnDispositionSchema>, unknown, z.output<typeof returnDispositionSchema>>({
    resolver: zodResolver(returnDispositionSchema),
    defaultValues: { dispositionId: d.id, reason: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('workflow.returnDisposition', values);
      onDone();
    } catch (err) {
      showApiError(err, form.setError, 'Disposisi tidak dapat dikembalikan');
    }
  }, focusFirstError);
  return (
    <Modal opened onClose={onClose} title="Kembalikan disposisi">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Disposisi dari {d.fromName} dikembalikan bila bukan tugas seksi Anda. Pengaduan kembali kepada pemberi disposisi untuk
            ditentukan tujuan yang lain; disposisi kepada Kasi lain pada pengaduan ini tetap berjalan.
          </Text>
          <Textarea label="Alasan pengembalian" autosize minRows={2} {...form.register('reason')} error={form.formState.errors.reason?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color="orange" loading={form.formState.isSubmitting}>
              Kembalikan
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The disposition the signed-in Kasi works on, where he works: from whom, how urgent, what to do. */
export function DispositionForYou({ journey }: { journey: Journey }) {
  const { user } = useSession();
  const { short } = useDates();
  const { head } = useOfficeWords();
  const mine = journey.dispositions.filter((d) => d.state === 'aktif' && d.toId === user.id);
  return mine.map((d) => (
    <Paper key={d.id} component="section" withBorder p="sm" bg="var(--mantine-color-blue-light)" aria-label="Disposisi untuk Anda">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={600}>
            Disposisi untuk Anda
          </Text>
          <SifatBadge sifat={d.sifat} />
        </Group>
        <Text size="sm">
          Dari {d.fromName}
          {d.onBehalf && ` a.n. ${head}`}, {short(d.createdAt)}
        </Text>
        <Instructed d={d} />
      </Stack>
    </Paper>
  ));
}

// What a disposition asks, as its card and the Kasi's own box both say it.
function Instructed({ d }: { d: Pick<Disposition, 'instructions' | 'note'> }) {
  return (
    <>
      <Text size="sm">Instruksi: {d.instructions.map((i) => INSTRUCTION_LABEL[i]).join(', ')}</Text>
      {d.note && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          Catatan: {d.note}
        </Text>
      )}
    </>
  );
}
