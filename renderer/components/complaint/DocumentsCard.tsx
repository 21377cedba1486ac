import { useState } from 'react';
import { Badge, Button, Card, Group, List, Paper, Stack, Text, Title, type ButtonProps } from '@mantine/core';
import { Link } from 'react-router';
import { DOCUMENT_STATUS_LABEL, type DocumentStatus } from '../../../shared/documents/kinds';
import type { IssuedDocument, WetSigner } from '../../../shared/documents/issued';
import type { Journey } from '../../../shared/schemas/workflow';
import { DELIVERY_CHANNEL_LABEL, SATISFACTION_LABEL, type DeliveryChannel } from '../../../shared/schemas/documents';
import { call } from '../../api';
import { notifyError } from '../../lib/feedback';
import { downloadFile } from '../../lib/files';
import { useDates, useSession } from '../../lib/session';
import type { Loaded } from '../../lib/useCall';
import { Loading } from '../Page';

const STATUS_COLOR: Record<DocumentStatus, string> = {
  draf: 'yellow',
  final: 'blue',
  ditandatangani: 'green',
  ditandatangani_basah: 'teal',
  diganti: 'gray',
};

export function DocumentStatusBadge({ status }: { status: DocumentStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'diganti' ? 'outline' : 'light'}>
      {DOCUMENT_STATUS_LABEL[status]}
    </Badge>
  );
}

interface DocxProps extends Pick<ButtonProps, 'variant' | 'size'> {
  id: number;
  label?: string;
}

// The stored DOCX of one issued document, byte for byte as it was frozen.
export function DocumentDocxButton({ id, label = 'DOCX', variant = 'default', size }: DocxProps) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      downloadFile(await call('documents.docx', { id }));
    } catch (err) {
      notifyError(err, 'DOCX tidak dapat diunduh');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant={variant} size={size} loading={busy} onClick={() => void download()}>
      {label}
    </Button>
  );
}

/** "a.n. Camat", "Plt. Camat" or '' for the leader's own signature. */
export const capacityOf = (capacity: IssuedDocument['signerCapacity'], headTitle: string) => (capacity ? `${capacity} ${headTitle}` : '');
/** "Sri Wahyuni (Plh. Camat Pegantenan)": an official who may sign a paper by hand, in the capacity he would. */
export const wetSignerLabel = (w: WetSigner, headTitle: string) => `${w.name} (${capacityOf(w.capacity, headTitle) || headTitle})`;

// Versions of one document belong together: each group is the chain of revisions
// from its first draft, newest version first; groups newest first.
export function groupVersions(docs: readonly IssuedDocument[]): IssuedDocument[][] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const rootOf = (d: IssuedDocument) => {
    let r = d;
    const seen = new Set<number>();
    while (r.supersedesId !== null && byId.has(r.supersedesId) && !seen.has(r.id)) {
      seen.add(r.id);
      r = byId.get(r.supersedesId)!;
    }
    return r.id;
  };
  const groups = new Map<number, IssuedDocument[]>();
  for (const d of docs) {
    const key = rootOf(d);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const newest = (g: IssuedDocument[]) => g.reduce((m, d) => (d.createdAt > m ? d.createdAt : m), '');
  return [...groups.values()]
    .map((g) => g.sort((a, b) => b.version - a.version || b.id - a.id))
    .sort((a, b) => newest(b).localeCompare(newest(a)) || b[0]!.id - a[0]!.id);
}

// What one version says about its paper trail: number, paraf, return, signature.
export function DocumentTrail({ doc }: { doc: IssuedDocument }) {
  const { short } = useDates();
  const { office } = useSession();
  const capacity = capacityOf(doc.signerCapacity, office.headTitle);
  return (
    <Stack gap={2}>
      {doc.number && <Text size="sm">Nomor: {doc.number}</Text>}
      <Text size="xs" c="dimmed">
        Dibuat {doc.createdByName} · {short(doc.createdAt)}
      </Text>
      {doc.parafs.length > 0 && (
        <Text size="sm">
          Paraf:{' '}
          {doc.parafs.map((p, i) => (
            <span key={`${p.name}-${p.at}`}>
              {i > 0 && '; '}
              {p.name}
              {p.jabatan && ` (${p.jabatan})`}, {short(p.at)}
            </span>
          ))}
        </Text>
      )}
      {doc.notInForce && (
        <Text size="sm" c="orange.8">
          {doc.notInForce}
        </Text>
      )}
      {doc.returned && (
        <Text size="sm" c="orange.8">
          Dikembalikan oleh {doc.returned.byName} ({short(doc.returned.at)}): {doc.returned.reason}
        </Text>
      )}
      {doc.wetPaper && (
        <Text size="sm">
          {doc.wetPaper.printed
            ? `Dicetak untuk ditandatangani basah oleh ${wetSignerLabel(doc.wetPaper.printed.signer, office.headTitle)}, dengan nomor ${doc.wetPaper.number} (dicetak ${doc.wetPaper.printed.byName}, ${short(doc.wetPaper.printed.at)})`
            : `Nomor ${doc.wetPaper.number} tetap dipakai untuk tanda tangan basah; versi ini belum dicetak`}
        </Text>
      )}
      {doc.signedAt && (
        <Text size="sm">
          {doc.status === 'ditandatangani_basah' ? 'Ditandatangani basah' : 'Ditandatangani'} {doc.signerName}
          {capacity && ` (${capacity})`}
          {/* Signed by hand on the paper (dated when printed); recorded when its scan came in. */}
          {doc.status === 'ditandatangani_basah' ? `; hasil pindai diunggah ${short(doc.signedAt)}` : `, ${short(doc.signedAt)}`}
        </Text>
      )}
    </Stack>
  );
}

// Where the answer went and where the file is kept.
function Delivery({ journey }: { journey: Journey }) {
  const { long } = useDates();
  const d = journey.delivery;
  return (
    <Stack gap={2}>
      {d && (
        <Text size="sm">
          Disampaikan kepada {d.recipient} ({DELIVERY_CHANNEL_LABEL[d.channel as DeliveryChannel] ?? d.channel}), {long(d.deliveredAt)}; dicatat {d.byName}
          {d.note && `. ${d.note}`}
        </Text>
      )}
      {journey.satisfaction && <Text size="sm">Pernyataan pelapor: {SATISFACTION_LABEL[journey.satisfaction].toLowerCase()}</Text>}
      {journey.archiveLocation && <Text size="sm">Arsip: {journey.archiveLocation}</Text>}
    </Stack>
  );
}

interface Props {
  documents: Loaded<IssuedDocument[]>;
  journey: Journey;
}

// The paper trail of the complaint: every document issued for it, versions together.
export function DocumentsCard({ documents, journey }: Props) {
  const docs = documents.data;
  const groups = docs ? groupVersions(docs) : [];
  const byId = new Map((docs ?? []).map((d) => [d.id, d]));
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={4}>Dokumen</Title>
        {journey.kelengkapanMissing.length > 0 && (
          <Paper withBorder p="sm" bg="yellow.0" component="section" aria-label="Kelengkapan yang belum ada">
            <Text size="sm" fw={600}>
              Kelengkapan yang belum ada
            </Text>
            <List size="sm" spacing={2} mt={4}>
              {journey.kelengkapanMissing.map((k) => (
                <List.Item key={k}>{k}</List.Item>
              ))}
            </List>
          </Paper>
        )}
        {(journey.delivery || journey.archiveLocation || journey.satisfaction) && <Delivery journey={journey} />}
        {!docs && <Loading error={documents.error} retry={documents.reload} />}
        {docs?.length === 0 && (
          <Text size="sm" c="dimmed">
            Belum ada dokumen yang diterbitkan untuk pengaduan ini.
          </Text>
        )}
        {groups.map((g) => (
          <Stack key={g[g.length - 1]!.id} gap={6}>
            {g.map((d) => {
              const superseded = d.supersededById !== null;
              const next = d.supersededById !== null ? byId.get(d.supersededById) : undefined;
              return (
                <Paper
                  key={d.id}
                  component="section"
                  aria-label={`${d.title} versi ${d.version}`}
                  withBorder
                  p="sm"
                  ml={superseded ? 'lg' : 0}
                  style={superseded ? { opacity: 0.6 } : undefined}
                >
                  <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {d.title}
                        </Text>
                        <Text size="sm" c="dimmed">
                          versi {d.version}
                        </Text>
                        {superseded ? (
                          <Badge color="gray" variant="outline">
                            {next ? `Diganti versi ${next.version}` : DOCUMENT_STATUS_LABEL.diganti}
                          </Badge>
                        ) : (
                          <DocumentStatusBadge status={d.status} />
                        )}
                      </Group>
                      <DocumentTrail doc={d} />
                    </Stack>
                    <Group gap={6} wrap="nowrap">
                      <Button component={Link} to={`/dokumen/${d.id}`} size="xs" variant="light">
                        Lihat / cetak
                      </Button>
                      <DocumentDocxButton id={d.id} size="xs" />
                    </Group>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
