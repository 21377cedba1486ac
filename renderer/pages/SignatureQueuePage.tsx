import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Card, Grid, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { IssuedDocument } from '../../shared/documents/issued';
import type { SignatureQueueItem } from '../../shared/schemas/documents';
import { Loading, Page } from '../components/Page';
import { DocumentActions, ParafList, SignForm, signedMessage } from '../components/complaint/DocumentForms';
import { DraftEditor } from '../components/complaint/DraftEditor';
import { DocumentPaper } from '../components/documents/DocumentPaper';
import { notifySuccess } from '../lib/feedback';
import { useDates } from '../lib/session';
import { useCall } from '../lib/useCall';
import { useQueueReload } from '../lib/events';
import { STAND_IN_TITLE } from '../components/complaint/StandInWarning';

// The desk of those who sign for the Camat (the Camat, the Sekcam, a Plt./Plh.): every
// draft waiting for their signature, the letter exactly as it will print beside who
// initialled it, and the password to sign.
export function SignatureQueuePage() {
  const queue = useCall('documents.signatureQueue', {});
  // A draft coming up for signature while the desk is open joins the list.
  useQueueReload(queue.reloadQuietly);
  const [selected, setSelected] = useState<number | null>(null);
  const [last, setLast] = useState<IssuedDocument | null>(null);
  const items = queue.data;
  const nextItem = items?.find((i) => i.id === selected) ?? items?.[0];

  // The first item until the user picks one; after a signature, the next one.
  useEffect(() => {
    if (!items) return;
    if (selected === null || !items.some((i) => i.id === selected)) setSelected(items[0]?.id ?? null);
  }, [items, selected]);

  // A signature is told once, by the notice above the queue that stays; other outcomes by a toast.
  const advance = (signed: IssuedDocument | null, message: string) => {
    if (signed) setLast(signed);
    else if (message) notifySuccess(message);
    if (items && selected !== null) {
      const at = items.findIndex((i) => i.id === selected);
      const next = items[at + 1] ?? items[at - 1] ?? null;
      setSelected(next?.id ?? null);
    }
    queue.reload();
  };

  return (
    <Page title="Menunggu tanda tangan" subtitle="Draf yang menunggu tanda tangan Anda, yang terlama di atas.">
      {last && (
        <Alert color="green" withCloseButton onClose={() => setLast(null)} title="Ditandatangani" role="status">
          {signedMessage(last)}{' '}
          <Anchor component={Link} to={`/dokumen/${last.id}`} fz="inherit">
            Lihat / cetak
          </Anchor>
          .{nextItem ? ` Berikutnya: ${nextItem.title} ${nextItem.registerNo}.` : ' Tidak ada lagi yang menunggu.'}
        </Alert>
      )}
      {!items ? (
        <Loading error={queue.error} retry={queue.reload} />
      ) : items.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed">Tidak ada dokumen yang menunggu tanda tangan Anda.</Text>
        </Card>
      ) : (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <QueueList items={items} selected={selected} onSelect={setSelected} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            {selected !== null && (
              <QueuedDocument key={selected} id={selected} item={items.find((i) => i.id === selected)} onDone={advance} onChanged={queue.reload} />
            )}
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}

function QueueList({ items, selected, onSelect }: { items: SignatureQueueItem[]; selected: number | null; onSelect(id: number): void }) {
  const { short } = useDates();
  return (
    <Card withBorder padding={0}>
      <Box component="ul" aria-label="Daftar menunggu tanda tangan" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((i) => {
          const active = i.id === selected;
          return (
            <li key={i.id}>
              <UnstyledButton
                onClick={() => onSelect(i.id)}
                aria-current={active ? 'true' : undefined}
                w="100%"
                p="sm"
                style={{
                  borderBottom: '1px solid var(--mantine-color-gray-3)',
                  borderLeft: `4px solid ${active ? 'var(--mantine-color-teal-6)' : 'transparent'}`,
                  background: active ? 'var(--mantine-color-teal-0)' : undefined,
                }}
              >
                <Stack gap={2}>
                  <Group gap={6} justify="space-between" wrap="nowrap">
                    <Text size="sm" fw={600}>
                      {i.title}
                    </Text>
                    <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                      versi {i.version}
                    </Badge>
                  </Group>
                  {i.registerNo && (
                    <Text size="xs" c="dimmed">
                      {i.registerNo}
                    </Text>
                  )}
                  {i.subject && (
                    <Text size="sm" lineClamp={2}>
                      {i.subject}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    Disusun {short(i.createdAt)} · {i.parafNames.length ? `Paraf: ${i.parafNames.join('; ')}` : 'Belum ada paraf'}
                  </Text>
                  {i.standIn && (
                    <Text size="xs" c="orange.8">
                      {STAND_IN_TITLE}
                    </Text>
                  )}
                  {i.wetPaper && (
                    <Text size="xs" c="orange.8">
                      Dicetak untuk tanda tangan basah {i.wetPaper.signer}, nomor {i.wetPaper.number}
                    </Text>
                  )}
                </Stack>
              </UnstyledButton>
            </li>
          );
        })}
      </Box>
    </Card>
  );
}

interface QueuedProps {
  id: number;
  item: SignatureQueueItem | undefined;
  onDone(signed: IssuedDocument | null, message: string): void;
  onChanged(): void;
}

function QueuedDocument({ id, item, onDone, onChanged }: QueuedProps) {
  const doc = useCall('documents.get', { id });
  const [editing, setEditing] = useState(false);
  // The form sits under the letter, which is read first; the card above says so and leads there.
  const signing = useRef<HTMLDivElement>(null);
  const toSigning = () => {
    signing.current?.scrollIntoView({ block: 'center' });
    signing.current?.querySelector<HTMLInputElement>('input[type="password"]')?.focus({ preventScroll: true });
  };
  const d = doc.data;
  if (!d) return <Loading error={doc.error} retry={doc.reload} />;
  return (
    // The letter is read before it is signed: its text stands between the draft's actions and the signature.
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Title order={4}>
            {d.title} versi {d.version}
          </Title>
          {d.complaintId !== null && (
            <Text size="sm">
              Pengaduan{' '}
              {d.complaintOpen ? (
                <Anchor component={Link} to={`/pengaduan/${d.complaintId}`}>
                  {d.registerNo}
                </Anchor>
              ) : (
                d.registerNo
              )}
              {item?.subject && `: ${item.subject}`}
            </Text>
          )}
          <ParafList doc={d} />
          <DocumentActions
            doc={d}
            size="xs"
            exclude={['sign']}
            onRevise={() => setEditing(true)}
            onChanged={(message, next) => {
              // A returned draft leaves the queue; a paraf keeps it here.
              if (next && !next.actions.includes('sign')) onDone(null, message);
              else {
                if (message) notifySuccess(message);
                doc.reload();
                onChanged();
              }
            }}
          />
          <Text size="sm" c="dimmed">
            Baca suratnya di bawah; kolom kata sandi untuk menandatanganinya ada di bawah surat.{' '}
            <Anchor component="button" type="button" fz="inherit" onClick={toSigning}>
              Ke kolom tanda tangan
            </Anchor>
          </Text>
        </Stack>
      </Card>
      <Box bg="gray.1" p="sm" style={{ borderRadius: 4 }}>
        <DocumentPaper content={d.content} />
      </Box>
      <Card withBorder padding="md" maw={720} ref={signing}>
        <SignForm doc={d} onSigned={(signed) => onDone(signed, signedMessage(signed))} />
      </Card>
      {editing && (
        <DraftEditor
          id={d.id}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            onDone(null, `${next.title} versi ${next.version} tersimpan.`);
          }}
        />
      )}
    </Stack>
  );
}
