import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod';
import {
  EXIT_LABEL,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_LABEL,
  FOLLOW_UP_MAX,
  INSTRUCTIONS,
  INSTRUCTION_LABEL,
  advanceInputSchema,
  disposeInputSchema,
  exitInputSchema,
  followUpInputSchema,
  resumeInputSchema,
  takeOverInputSchema,
  type Exit,
  type Journey,
} from '../../../shared/schemas/workflow';
import { SIFAT, SIFAT_LABEL } from '../../../shared/domain';
import { ApiCallError, call } from '../../api';
import { useCall } from '../../lib/useCall';
import { showApiError } from '../../lib/feedback';
import { useDates } from '../../lib/session';
import { AttachmentPicker, attachmentMessages } from '../AttachmentPicker';
import { LengthCount } from '../LengthCount';
import { askingSatisfaction, ClosingSatisfactionField } from '../skm/ClosingSatisfaction';
import { focusFirstError } from '../../lib/focusFirstError';
import { ReturnedPartsWarning, type LapsingParts } from './ReturnedPartsWarning';
import { useRefusedAsStale } from './keptTyped';
import { LeaveGuard } from '../LeaveGuard';

// react-hook-form holds the schema's input; the resolver hands over its output.
type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;

interface Props {
  id: number;
  onDone(message: string): void;
}

/** The step after the current one, as the confirmation names it; null at the last step. */
export interface NextStep {
  no: number;
  activity: string;
  executor: string;
}

// What completing the step sets going, in the words both confirmations use.
function WhatHappens({ stepNo, next }: { stepNo: number; next: NextStep | null }) {
  return next ? (
    <Text size="sm">
      Langkah {stepNo} ditandai selesai atas nama Anda dan pengaduan berlanjut ke langkah {next.no}: {next.activity}, dikerjakan oleh{' '}
      <Text span fw={600} size="sm">
        {next.executor}
      </Text>
      .
    </Text>
  ) : (
    <Text size="sm">Langkah {stepNo} adalah langkah terakhir: pengaduan selesai ditangani.</Text>
  );
}

const UNDO_WINDOW = 'Anda dapat membatalkannya selama belum ada yang bertindak pada langkah berikutnya; setelah itu tidak dapat dibatalkan.';

// Completing a step is confirmed in a dialog: a mis-click on the panel does nothing yet.
export function AdvanceForm({
  id,
  stepNo,
  activity,
  next,
  closing,
  lapsing,
  unrecorded = false,
  missing = [],
  canAskForMissing = false,
  onDone,
}: Props & {
  stepNo: number;
  activity: string;
  next: NextStep | null;
  closing: boolean;
  lapsing?: LapsingParts;
  unrecorded?: boolean;
  // Kelengkapan not ticked at intake, said when a verification step is completed without it.
  missing?: string[];
  canAskForMissing?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const form = useForm<In<typeof advanceInputSchema>, unknown, Out<typeof advanceInputSchema>>({
    resolver: askingSatisfaction(zodResolver(advanceInputSchema), closing),
    defaultValues: { id, note: '' },
  });
  const refusedAsStale = useRefusedAsStale(onDone);
  const submit = form.handleSubmit(async (values) => {
    try {
      // The step shown now (the form may outlive a reload that moved it on).
      await call('workflow.advance', { ...values, step: stepNo });
      form.reset({ id, note: '' });
      setConfirming(false);
      onDone(`Langkah ${stepNo} selesai.`);
    } catch (err) {
      setConfirming(false);
      const typed = { label: `Catatan penyelesaian langkah ${stepNo}`, text: values.note };
      if (!refusedAsStale(err, 'Langkah tidak dapat diselesaikan', typed)) showApiError(err, form.setError, 'Langkah tidak dapat diselesaikan');
    }
  });
  return (
    <form
      onSubmit={form.handleSubmit(() => setConfirming(true))}
      noValidate
      aria-label="Selesaikan langkah"
    >
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="xs">
        <Text size="sm">
          Langkah {stepNo}: {activity}
        </Text>
        <Textarea label="Catatan (tidak wajib)" autosize minRows={2} {...form.register('note')} error={form.formState.errors.note?.message} />
        {closing && (
          <Controller
            control={form.control}
            name="satisfaction"
            render={({ field }) => <ClosingSatisfactionField value={field.value} onChange={field.onChange} error={form.formState.errors.satisfaction?.message} />}
          />
        )}
        <Button type="submit">Selesaikan langkah</Button>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={`Selesaikan langkah ${stepNo}?`} size="lg">
        <Stack gap="sm">
          <WhatHappens stepNo={stepNo} next={next} />
          {unrecorded && (
            <Alert color="yellow" p="xs" title="Belum ada catatan tindak lanjut">
              Jawaban kepada pelapor disusun dari catatan tindak lanjut; tanpa catatan, isinya hanya menyatakan bahwa pengaduan telah ditindaklanjuti. Batalkan, lalu catat
              dulu apa yang sudah dilakukan di bagian Catat tindak lanjut.
            </Alert>
          )}
          {missing.length > 0 && (
            <Alert color="yellow" p="xs" title="Kelengkapan belum ada">
              Belum ada: {missing.join('; ')}.{' '}
              {canAskForMissing
                ? `Bila berkas harus dilengkapi lebih dulu, batalkan, lalu pilih "${EXIT_LABEL.tidak_lengkap}" di Penyelesaian lain.`
                : 'Pengaduan berlanjut tanpa kelengkapan itu.'}
            </Alert>
          )}
          {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="step" />}
          <Text size="sm" c="dimmed">
            {UNDO_WINDOW}
          </Text>
          <SimpleGrid cols={2}>
            <Button variant="default" onClick={() => setConfirming(false)}>
              Batal
            </Button>
            <Button onClick={() => void submit()} loading={form.formState.isSubmitting}>
              Ya, selesaikan
            </Button>
          </SimpleGrid>
        </Stack>
      </Modal>
    </form>
  );
}

// Completing someone else's step: deliberate, behind its own button, with the reason on record.
export function TakeOverModal({
  id,
  stepNo,
  activity,
  owner,
  next,
  closing,
  lapsing,
  onClose,
  onDone,
}: Props & { stepNo: number; activity: string; owner: string; next: NextStep | null; closing: boolean; lapsing?: LapsingParts; onClose(): void }) {
  const form = useForm<In<typeof takeOverInputSchema>, unknown, Out<typeof takeOverInputSchema>>({
    // Taking over the last step closes the complaint: the reporter's statement is asked as in "Selesaikan langkah".
    resolver: askingSatisfaction(zodResolver(takeOverInputSchema), closing),
    defaultValues: { id, reason: '' },
  });
  const refusedAsStale = useRefusedAsStale(onDone);
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('workflow.takeOver', { ...values, step: stepNo });
      onDone(`Langkah ${stepNo} diambil alih dan selesai.`);
    } catch (err) {
      if (refusedAsStale(err, 'Langkah tidak dapat diambil alih', { label: `Alasan mengambil alih langkah ${stepNo}`, text: values.reason })) onClose();
      else showApiError(err, form.setError, 'Langkah tidak dapat diambil alih');
    }
  });
  return (
    <Modal opened onClose={onClose} title={`Ambil alih langkah ${stepNo}`} size="lg">
      <form onSubmit={submit} noValidate aria-label="Ambil alih langkah">
        <LeaveGuard dirty={form.formState.isDirty} />
        <Stack gap="sm">
          <Text size="sm">
            Langkah {stepNo} ({activity}) adalah tugas{' '}
            <Text span fw={600} size="sm">
              {owner}
            </Text>
            {/* A name ending with its own full stop ("S.Sos.") ends the sentence too. */}
            {owner.endsWith('.') ? '' : '.'} Ambil alih hanya bila langkah ini memang harus Anda selesaikan sendiri.
          </Text>
          <WhatHappens stepNo={stepNo} next={next} />
          {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="step" />}
          <Textarea
            label="Alasan mengambil alih"
            description="Dicatat di riwayat pengaduan dan jejak audit."
            required
            autosize
            minRows={3}
            data-autofocus
            {...form.register('reason')}
            error={form.formState.errors.reason?.message}
          />
          {closing && (
            <Controller
              control={form.control}
              name="satisfaction"
              render={({ field }) => <ClosingSatisfactionField value={field.value} onChange={field.onChange} error={form.formState.errors.satisfaction?.message} />}
            />
          )}
          <Text size="sm" c="dimmed">
            {UNDO_WINDOW}
          </Text>
          <SimpleGrid cols={2}>
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color="orange.9" loading={form.formState.isSubmitting}>
              Ya, ambil alih
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </Modal>
  );
}

// The completer's way back while nothing has happened since; the core says why when it is too late.
export function UndoStep({ id, undo, onDone }: Props & { undo: NonNullable<Journey['undo']> }) {
  const { long } = useDates();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState('');
  const run = async () => {
    setBusy(true);
    try {
      await call('workflow.undoStep', { id, step: undo.stepNo });
      onDone(`Penyelesaian langkah ${undo.stepNo} dibatalkan; langkah itu berjalan lagi dengan batas waktunya semula.`);
    } catch (err) {
      if (err instanceof ApiCallError) {
        setRefused(err.message);
        // Another step was completed since this page was loaded: shown as it is now.
        if (err.field === 'step') onDone('');
      } else showApiError(err, undefined, 'Penyelesaian tidak dapat dibatalkan');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        Anda menyelesaikan langkah {undo.stepNo} pada {long(undo.completedAt)}. Selama belum ada yang bertindak pada langkah
        berikutnya, Anda dapat membatalkannya.
      </Text>
      <Button variant="default" onClick={() => void run()} loading={busy}>
        Batalkan penyelesaian langkah {undo.stepNo}
      </Button>
      {refused && (
        <Text size="sm" c="red.8" role="alert">
          {refused}
        </Text>
      )}
    </Stack>
  );
}

// `busy`: the Kasi at work on the complaint already (a part returned is disposed to
// another Kasi, beside them): shown, but not to be chosen. `returned`: those who returned an
// earlier disposition of it, marked so (the disposer may still send it to them again).
export function DisposeForm({ id, stepNo, busy, returned = [], onDone }: Props & { stepNo: number | undefined; busy: number[]; returned?: number[] }) {
  const assignees = useCall('workflow.assignees', {});
  const form = useForm<In<typeof disposeInputSchema>, unknown, Out<typeof disposeInputSchema>>({
    resolver: zodResolver(disposeInputSchema),
    defaultValues: { id, to: [], sifat: 'biasa', instructions: [], note: '' },
  });
  const errors = form.formState.errors;
  const refusedAsStale = useRefusedAsStale(onDone);
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('workflow.dispose', { ...values, step: stepNo });
      form.reset({ id, to: [], sifat: 'biasa', instructions: [], note: '' });
      onDone('Disposisi terkirim.');
    } catch (err) {
      if (!refusedAsStale(err, 'Disposisi tidak dapat dikirim', { label: 'Catatan disposisi', text: values.note })) showApiError(err, form.setError, 'Disposisi tidak dapat dikirim');
    }
  }, focusFirstError);
  // A list left empty marks its first box, which the refusal brings into view and to the keyboard.
  const toFirst = assignees.data?.find((a) => !busy.includes(a.id))?.id;
  return (
    <form onSubmit={submit} noValidate aria-label="Disposisi">
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="to"
          render={({ field }) => (
            <Checkbox.Group
              label="Diteruskan kepada"
              value={field.value.map(String)}
              onChange={(v) => field.onChange(v.map(Number))}
              error={errors.to?.message ?? errors.to?.root?.message}
            >
              <Stack gap={6} mt={6}>
                {assignees.error && <Text size="sm" c="red">{assignees.error.message}</Text>}
                {assignees.data?.length === 0 && (
                  <Text size="sm" c="dimmed">
                    Belum ada Kasi/Kasubbag aktif. Minta admin menambahkan pengguna berperan Kasi.
                  </Text>
                )}
                {assignees.data?.map((a) => {
                  const atWork = busy.includes(a.id);
                  const description = [atWork && 'Sudah menangani pengaduan ini', returned.includes(a.id) && 'Mengembalikan disposisi sebelumnya', a.jabatan, a.seksi]
                    .filter(Boolean)
                    .join(' · ');
                  return (
                    <Checkbox
                      key={a.id}
                      value={String(a.id)}
                      label={a.name}
                      description={description}
                      disabled={atWork}
                      aria-invalid={a.id === toFirst && errors.to ? true : undefined}
                    />
                  );
                })}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="sifat"
          render={({ field }) => (
            <Select
              label="Sifat"
              data={SIFAT.map((s) => ({ value: s, label: SIFAT_LABEL[s] }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? undefined)}
              allowDeselect={false}
              error={errors.sifat?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="instructions"
          render={({ field }) => (
            <Checkbox.Group label="Instruksi" value={field.value} onChange={field.onChange} error={errors.instructions?.message}>
              <Stack gap={6} mt={6}>
                {INSTRUCTIONS.map((i, n) => (
                  <Checkbox key={i} value={i} label={INSTRUCTION_LABEL[i]} aria-invalid={n === 0 && errors.instructions ? true : undefined} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        <Textarea label="Catatan disposisi" autosize minRows={2} {...form.register('note')} error={errors.note?.message} />
        <Button type="submit" loading={form.formState.isSubmitting}>
          Kirim disposisi
        </Button>
      </Stack>
    </form>
  );
}

export function FollowUpForm({ id, onDone }: Props) {
  const blank = { id, kind: 'klarifikasi' as const, text: '', attachments: [] };
  const form = useForm<In<typeof followUpInputSchema>, unknown, Out<typeof followUpInputSchema>>({
    resolver: zodResolver(followUpInputSchema),
    defaultValues: blank,
  });
  const errors = form.formState.errors;
  const refusedAsStale = useRefusedAsStale(onDone);
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('workflow.followUp', values);
      form.reset(blank);
      onDone('Catatan tindak lanjut tersimpan.');
    } catch (err) {
      const typed = { label: `Catatan tindak lanjut (${FOLLOW_UP_LABEL[values.kind]})`, text: values.text };
      if (!refusedAsStale(err, 'Catatan tidak dapat disimpan', typed)) showApiError(err, form.setError, 'Catatan tidak dapat disimpan');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Catat tindak lanjut">
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Select
              label="Jenis catatan"
              description="Draf jawaban disusun dari Usulan jawaban; tanpa usulan, dari semua catatan."
              data={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: FOLLOW_UP_LABEL[k] }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? undefined)}
              allowDeselect={false}
              error={errors.kind?.message}
            />
          )}
        />
        <Textarea label="Isi catatan" autosize minRows={3} {...form.register('text')} error={errors.text?.message} />
        <LengthCount control={form.control} name="text" max={FOLLOW_UP_MAX} />
        <Controller
          control={form.control}
          name="attachments"
          render={({ field }) => (
            <AttachmentPicker
              label="Lampiran (tidak wajib)"
              value={field.value ?? []}
              onChange={(next) => field.onChange(next)}
              errors={attachmentMessages(errors.attachments)}
            />
          )}
        />
        <Button type="submit" loading={form.formState.isSubmitting}>
          Simpan catatan
        </Button>
      </Stack>
    </form>
  );
}

export function ResumeForm({ id, onDone }: Props) {
  const form = useForm<In<typeof resumeInputSchema>, unknown, Out<typeof resumeInputSchema>>({
    resolver: zodResolver(resumeInputSchema),
    defaultValues: { id, note: '' },
  });
  const refusedAsStale = useRefusedAsStale(onDone);
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('workflow.resume', values);
      form.reset({ id, note: '' });
      onDone('Penanganan dilanjutkan; batas waktu bergeser sepanjang waktu tunggu.');
    } catch (err) {
      if (!refusedAsStale(err, 'Penanganan tidak dapat dilanjutkan', { label: 'Keterangan kelengkapan', text: values.note })) showApiError(err, form.setError, 'Penanganan tidak dapat dilanjutkan');
    }
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Lanjutkan penanganan">
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="xs">
        <Text size="sm">Pelapor sudah melengkapi berkasnya? Catat apa yang dilengkapi, lalu lanjutkan penanganan.</Text>
        <Textarea label="Keterangan kelengkapan" autosize minRows={2} {...form.register('note')} error={form.formState.errors.note?.message} />
        <Button type="submit" loading={form.formState.isSubmitting}>
          Lanjutkan
        </Button>
      </Stack>
    </form>
  );
}

const EXIT_CONFIRM: Record<Exit, string> = {
  tidak_lengkap: 'Ya, minta pelapor melengkapi',
  bukan_kewenangan: 'Ya, teruskan',
  ditolak: 'Ya, tolak pengaduan',
  dicabut: 'Ya, catat dicabut',
};

const EXIT_EXPLAIN: Record<Exit, string> = {
  tidak_lengkap: 'Waktu penanganan berhenti sampai pelapor melengkapi berkas. Tuliskan apa yang harus dilengkapi.',
  bukan_kewenangan: 'Pengaduan ditutup dan diteruskan ke instansi yang berwenang. Tuliskan kepada siapa diteruskan dan alasannya.',
  ditolak: 'Pengaduan ditutup tanpa ditindaklanjuti. Tuliskan alasan penolakan; alasan ini disampaikan kepada pelapor.',
  dicabut: 'Pengaduan ditutup karena pelapor mencabutnya. Tuliskan kapan dan bagaimana pelapor menyatakannya.',
};

// A side exit ends or stops the journey, so it always asks again, with the reason.
export function ExitModal({ id, stepNo, exit, onClose, onDone }: Props & { stepNo: number | undefined; exit: Exit; onClose(): void }) {
  const form = useForm<In<typeof exitInputSchema>, unknown, Out<typeof exitInputSchema>>({
    resolver: zodResolver(exitInputSchema),
    defaultValues: { id, exit, note: '', forwardTo: '' },
  });
  const errors = form.formState.errors;
  const refusedAsStale = useRefusedAsStale(onDone);
  const submit = form.handleSubmit(async (values) => {
    try {
      // The step shown: a complaint disposed or closed meanwhile is not closed from this page.
      await call('workflow.exit', { ...values, step: stepNo });
      onDone(exit === 'tidak_lengkap' ? 'Pengaduan menunggu kelengkapan dari pelapor.' : 'Pengaduan ditutup.');
    } catch (err) {
      if (refusedAsStale(err, 'Tidak dapat disimpan', { label: `${EXIT_LABEL[exit]}: alasan atau keterangan`, text: values.note })) onClose();
      else showApiError(err, form.setError, 'Tidak dapat disimpan');
    }
  });
  return (
    <Modal opened onClose={onClose} title={EXIT_LABEL[exit]} size="lg">
      <form onSubmit={submit} noValidate>
        <LeaveGuard dirty={form.formState.isDirty} />
        <Stack gap="sm">
          <Text size="sm">{EXIT_EXPLAIN[exit]}</Text>
          {exit === 'bukan_kewenangan' && (
            <TextInput
              label="Diteruskan kepada"
              description="Pimpinan instansi yang berwenang, seperti ditulis pada alamat surat penerusan."
              placeholder="Kepala Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten …"
              {...form.register('forwardTo')}
              error={errors.forwardTo?.message}
            />
          )}
          <Textarea label="Alasan atau keterangan" autosize minRows={3} {...form.register('note')} error={errors.note?.message} />
          <SimpleGrid cols={2}>
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color={exit === 'tidak_lengkap' ? 'yellow' : 'red'} loading={form.formState.isSubmitting}>
              {EXIT_CONFIRM[exit]}
            </Button>
          </SimpleGrid>
        </Stack>
      </form>
    </Modal>
  );
}
