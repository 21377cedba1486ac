import { useState } from 'react';
import { Button, Card, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import type { IssuedDocument } from '../../../shared/documents/issued';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { EXITS, EXIT_LABEL, type Exit, type Journey } from '../../../shared/schemas/workflow';
import { EXECUTOR_LABEL } from '../../../shared/standards/schema';
import { AdvanceForm, DisposeForm, ExitModal, FollowUpForm, ResumeForm } from './ActionForms';
import { ArchiveForm, DeliverForm, DocumentActions, DRAFT_KIND_LABEL, DraftForm } from './DocumentForms';
import { DocumentStatusBadge } from './DocumentsCard';

interface Props {
  journey: Journey;
  complaint: ComplaintDetail;
  /** The complaint's documents; those the core lists actions on for this user are offered here. */
  documents: IssuedDocument[] | undefined;
  onDone(message: string): void;
  /** Opens the draft editor on a document. */
  onEdit(id: number): void;
}

// What this user may do now: exactly the actions the core lists for them, so the
// buttons and the core's rules cannot disagree.
export function ActionPanel({ journey, complaint, documents = [], onDone, onEdit }: Props) {
  const [exit, setExit] = useState<Exit | null>(null);
  const has = (a: Journey['actions'][number]) => journey.actions.includes(a);
  const exits = EXITS.filter((e) => has(`exit:${e}`));
  const current = journey.current;
  const id = journey.id;
  // Drafts waiting on this user; a correction of a signed letter starts from the document page.
  const actionable = documents.filter((d) => d.status === 'draf' && d.supersededById === null && d.actions.length > 0);
  // A step that waits on a paraf or signature the user cannot give yet (e.g. no draft).
  const waiting = (has('paraf') || has('sign')) && actionable.length === 0;
  const nothing = journey.actions.length === 0 && actionable.length === 0;

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={4}>Tindakan</Title>
        {nothing && (
          <Text size="sm" c="dimmed">
            {current
              ? `Tidak ada tindakan untuk Anda saat ini; langkah ${current.stepNo} menjadi tugas ${EXECUTOR_LABEL[current.executor]}.`
              : 'Tidak ada tindakan yang dapat dilakukan pada pengaduan ini.'}
          </Text>
        )}
        {has('resume') && (
          <section>
            <Title order={5} mb={4}>
              Berkas sudah lengkap
            </Title>
            <ResumeForm id={id} onDone={onDone} />
          </section>
        )}
        {has('advance') && current && (
          <section>
            <Title order={5} mb={4}>
              Selesaikan langkah
            </Title>
            <AdvanceForm id={id} stepNo={current.stepNo} activity={current.activity} onDone={onDone} />
          </section>
        )}
        {has('draft') && (
          <section>
            <Title order={5} mb={4}>
              Susun {journey.answerKind ? DRAFT_KIND_LABEL[journey.answerKind] : 'dokumen jawaban'}
            </Title>
            <DraftForm
              journey={journey}
              onDrafted={(doc) => {
                onDone(`Draf ${doc.title.toLowerCase()} tersusun. Periksa dan ubah isinya bila perlu.`);
                onEdit(doc.id);
              }}
            />
          </section>
        )}
        {actionable.map((d) => (
          <Paper key={d.id} component="section" aria-label={`Tindakan ${d.title} versi ${d.version}`} withBorder p="sm">
            <Stack gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {d.title} versi {d.version}
                </Text>
                <DocumentStatusBadge status={d.status} />
              </div>
              {d.returned && (
                <Text size="sm" c="orange.8">
                  Dikembalikan {d.returned.byName}: {d.returned.reason}
                </Text>
              )}
              <DocumentActions doc={d} onChanged={(message) => onDone(message)} onRevise={(doc) => onEdit(doc.id)} />
            </Stack>
          </Paper>
        ))}
        {waiting && (
          <Text size="sm" c="dimmed">
            Langkah ini menunggu {has('sign') ? 'tanda tangan' : 'paraf'} pada draf jawaban; draf belum siap untuk Anda.
          </Text>
        )}
        {has('deliver') && (
          <section>
            <Title order={5} mb={4}>
              Sampaikan kepada pelapor
            </Title>
            <DeliverForm journey={journey} complaint={complaint} onDone={onDone} />
          </section>
        )}
        {has('archive') && (
          <section>
            <Title order={5} mb={4}>
              Arsipkan berkas
            </Title>
            <ArchiveForm id={id} onDone={onDone} />
          </section>
        )}
        {has('dispose') && (
          <section>
            <Title order={5} mb={4}>
              Disposisi
            </Title>
            <Text size="sm" mb="xs">
              Langkah ini diselesaikan dengan lembar disposisi kepada Kasi yang menangani.
            </Text>
            <DisposeForm id={id} onDone={onDone} />
          </section>
        )}
        {has('followUp') && (
          <section>
            {(actionable.length > 0 || journey.actions.some((a) => a !== 'followUp' && !a.startsWith('exit:'))) && <Divider mb="sm" />}
            <Title order={5} mb={4}>
              Catat tindak lanjut
            </Title>
            <FollowUpForm id={id} onDone={onDone} />
          </section>
        )}
        {exits.length > 0 && (
          <section>
            {exits.length < journey.actions.length && <Divider mb="sm" />}
            <Title order={5} mb={4}>
              Penyelesaian lain
            </Title>
            <Stack gap={4}>
              {exits.map((e) => (
                <Button
                  key={e}
                  variant="subtle"
                  color={e === 'tidak_lengkap' ? 'yellow.9' : 'red'}
                  justify="flex-start"
                  h="auto"
                  py={6}
                  styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.35 } }}
                  onClick={() => setExit(e)}
                >
                  {EXIT_LABEL[e]}
                </Button>
              ))}
            </Stack>
          </section>
        )}
      </Stack>
      {exit && (
        <ExitModal
          id={id}
          exit={exit}
          onClose={() => setExit(null)}
          onDone={(message) => {
            setExit(null);
            onDone(message);
          }}
        />
      )}
    </Card>
  );
}
