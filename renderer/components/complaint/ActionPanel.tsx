import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Divider, Paper, Stack, Text, Title } from '@mantine/core';
import type { DocumentAction, IssuedDocument } from '../../../shared/documents/issued';
import type { ComplaintDetail } from '../../../shared/schemas/complaint';
import { EXITS, EXIT_LABEL, type Exit, type Journey } from '../../../shared/schemas/workflow';
import { AdvanceForm, DisposeForm, ExitModal, FollowUpForm, ResumeForm, TakeOverModal, UndoStep } from './ActionForms';
import { ArchiveForm, DeliverForm, DocumentActions, DRAFT_KIND_LABEL, DraftForm } from './DocumentForms';
import { DocumentStatusBadge } from './DocumentsCard';
import { asksSatisfaction } from '../skm/ClosingSatisfaction';
import { lapsingOf } from './ReturnedPartsWarning';
import { DispositionForYou } from './Dispositions';
import { listWords } from '../../../shared/text/words';
import { useExecutorLabel } from '../../lib/session';

// What each action lets the user do, as the "who acts now" notice lists it.
const YOU_CAN: Record<Journey['actions'][number], string> = {
  advance: 'menyelesaikan langkah ini',
  takeOver: 'mengambil alih langkah ini dengan menuliskan alasannya',
  dispose: 'membuat disposisi',
  followUp: 'mencatat tindak lanjut',
  resume: 'mencatat bahwa berkas sudah dilengkapi',
  draft: 'menyusun draf jawaban',
  paraf: 'memaraf draf jawaban',
  sign: 'menandatangani draf jawaban',
  deliver: 'mencatat penyampaian jawaban',
  archive: 'mencatat tempat arsip',
  'exit:tidak_lengkap': 'menyatakan berkas tidak lengkap',
  'exit:bukan_kewenangan': 'meneruskan ke instansi lain',
  'exit:ditolak': 'menolak pengaduan',
  'exit:dicabut': 'mencatat pencabutan oleh pelapor',
};
// What the user may do with a draft offered below, named by its title ("surat tanggapan").
const YOU_CAN_DRAFT: Record<DocumentAction, (title: string) => string> = {
  revise: (t) => `mengubah draf ${t}`,
  paraf: (t) => `memaraf draf ${t}`,
  return: (t) => `mengembalikan draf ${t}`,
  sign: (t) => `menandatangani ${t}`,
  sign_wet: (t) => `mencetak ${t} untuk tanda tangan basah dan mengunggah hasil pindainya`,
};

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
  const executor = useExecutorLabel();
  const [takingOver, setTakingOver] = useState(false);
  const has = (a: Journey['actions'][number]) => journey.actions.includes(a);
  const exits = EXITS.filter((e) => has(`exit:${e}`));
  const current = journey.current;
  const id = journey.id;
  // Drafts waiting on this user; a correction of a signed letter starts from the document page.
  const actionable = documents.filter((d) => d.status === 'draf' && d.supersededById === null && d.actions.length > 0);
  // A step that waits on a paraf or signature the user cannot give yet (e.g. no draft).
  const waiting = (has('paraf') || has('sign')) && actionable.length === 0;
  const nothing = journey.actions.length === 0 && actionable.length === 0;
  const after = current ? journey.steps.find((s) => s.no === current.stepNo + 1) : undefined;
  const next = after ? { no: after.no, activity: after.activity, executor: executor(after.executor) } : null;
  const waitingFor = journey.waitingFor;
  // A part a Kasi returned while another disposition runs: 'dispose' then adds a disposition
  // for that part, and the running step goes on. Completing the step ends their wait:
  // whatever completes it warns of it (a document's paraf or signature by its stepLapse).
  const lapsing = lapsingOf(journey);
  const returned = lapsing?.parts ?? [];
  const redispose = lapsing?.canRedispose ?? false;
  const active = journey.dispositions.filter((d) => d.state === 'aktif');
  const stillActive = listWords(active.map((d) => d.toName), 'atau');
  // The disposition step running again because every Kasi returned theirs: who did, and why.
  const sentBack = redispose || active.length > 0 ? [] : journey.dispositions.filter((d) => d.state === 'dikembalikan');
  // listWords says each once.
  const youCan = [
    ...journey.actions.map((a) => (a === 'dispose' && redispose ? 'mendisposisikan bagian yang dikembalikan kepada Kasi lain' : YOU_CAN[a])),
    ...actionable.flatMap((d) => d.actions.map((a) => YOU_CAN_DRAFT[a](d.title.toLowerCase()))),
  ];

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={4}>Tindakan</Title>
        <DispositionForYou journey={journey} />
        {waitingFor && (
          <Alert color="gray" variant="light" p="sm" title={`Dikerjakan oleh ${waitingFor.who}`} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
            <Text size="sm">{waitingFor.why}</Text>
            <Text size="sm" mt={4}>
              {youCan.length > 0 ? `Anda dapat ${listWords(youCan, 'atau')}.` : 'Tidak ada tindakan untuk Anda pada langkah ini.'}
            </Text>
          </Alert>
        )}
        {journey.undo && (
          <section>
            <Title order={5} mb={4}>
              Batalkan penyelesaian
            </Title>
            <UndoStep id={id} undo={journey.undo} onDone={onDone} />
          </section>
        )}
        {nothing && !waitingFor && (
          <Text size="sm" c="dimmed">
            {current
              ? `Tidak ada tindakan untuk Anda saat ini; langkah ${current.stepNo} menjadi tugas ${executor(current.executor)}.`
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
            <AdvanceForm
              id={id}
              stepNo={current.stepNo}
              activity={current.activity}
              next={next}
              closing={asksSatisfaction(journey)}
              lapsing={lapsing}
              unrecorded={has('followUp') && journey.followUps.length === 0 && journey.steps[current.stepNo - 1]?.stage === 'tindak_lanjut'}
              missing={journey.steps[current.stepNo - 1]?.stage === 'verifikasi' ? journey.kelengkapanMissing : []}
              canAskForMissing={exits.includes('tidak_lengkap')}
              onDone={onDone}
            />
          </section>
        )}
        {has('takeOver') && current && (
          <section>
            <Title order={5} mb={4}>
              Ambil alih langkah
            </Title>
            <Text size="sm" mb="xs">
              Langkah {current.stepNo}: {current.activity}
            </Text>
            <Button variant="outline" color="orange.9" onClick={() => setTakingOver(true)}>
              Ambil alih
            </Button>
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
              {/* What is initialled or signed is read first, on its own page. */}
              <Button component={Link} to={`/dokumen/${d.id}`} variant="light" size="compact-sm" w="fit-content">
                Baca {d.title.toLowerCase()} versi {d.version}
              </Button>
              {d.returned && (
                <Text size="sm" c="orange.8">
                  Dikembalikan oleh {d.returned.byName}: {d.returned.reason}
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
            <DeliverForm journey={journey} complaint={complaint} onDone={onDone} lapsing={lapsing} />
          </section>
        )}
        {has('archive') && (
          <section>
            <Title order={5} mb={4}>
              Arsipkan berkas
            </Title>
            <ArchiveForm id={id} closing={asksSatisfaction(journey)} onDone={onDone} lapsing={lapsing} />
          </section>
        )}
        {has('dispose') && (
          <section>
            <Title order={5} mb={4}>
              {redispose ? 'Disposisi bagian yang dikembalikan' : 'Disposisi'}
            </Title>
            {redispose ? (
              <Stack gap={4} mb="xs">
                <ReturnedBy parts={returned} />
                <Text size="sm">
                  Pilih Kasi lain yang menangani bagian itu; ia menerima lembar disposisi baru. Disposisi kepada {stillActive} tetap
                  berjalan dan langkah {current?.stepNo ?? ''} tidak dimulai ulang. Bila bagian itu cukup ditangani {stillActive},
                  tidak perlu disposisi baru: tugas ini selesai bersama langkah {current?.stepNo ?? ''}.
                </Text>
              </Stack>
            ) : (
              <Stack gap={4} mb="xs">
                <ReturnedBy parts={sentBack} />
                <Text size="sm">Langkah ini diselesaikan dengan lembar disposisi kepada Kasi yang menangani.</Text>
              </Stack>
            )}
            <DisposeForm id={id} stepNo={current?.stepNo} busy={active.map((d) => d.toId)} returned={sentBack.map((d) => d.toId)} onDone={onDone} />
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
      {takingOver && current && (
        <TakeOverModal
          id={id}
          stepNo={current.stepNo}
          activity={current.activity}
          owner={waitingFor?.who ?? executor(current.executor)}
          next={next}
          closing={asksSatisfaction(journey)}
          lapsing={lapsing}
          onClose={() => setTakingOver(false)}
          onDone={(message) => {
            setTakingOver(false);
            onDone(message);
          }}
        />
      )}
      {exit && (
        <ExitModal
          id={id}
          stepNo={current?.stepNo}
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

// Each Kasi who returned a part or a whole disposition, with the reason.
function ReturnedBy({ parts }: { parts: Pick<Journey['dispositions'][number], 'id' | 'toName' | 'returnReason'>[] }) {
  return parts.map((d) => (
    <Text key={d.id} size="sm" c="orange.8">
      {d.toName} mengembalikan disposisinya: {d.returnReason}
    </Text>
  ));
}
