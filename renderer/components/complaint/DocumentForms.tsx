import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Box,
  Button,
  FileInput,
  Grid,
  Group,
  List,
  Modal,
  PasswordInput,
  Radio,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { Controller, useForm, type DefaultValues, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import { Link, useLocation, useNavigate } from 'react-router';
import type { DocumentAction, DocumentWithContent, IssuedDocument, SigningAs } from '../../../shared/documents/issued';
import {
  DELIVERY_CHANNELS,
  DELIVERY_CHANNEL_LABEL,
  HANDED_OVER,
  DRAFTABLE_KINDS,
  OUTCOMES,
  OUTCOME_LABEL,
  archiveInputSchema,
  deliverInputSchema,
  draftInputSchema,
  OUTCOMES_WITH_REASON,
  type Outcome,
  returnDocumentSchema,
  signInputSchema,
} from '../../../shared/schemas/documents';
import { attachmentUploadSchema, type ComplaintDetail } from '../../../shared/schemas/complaint';
import { CLOSING_SATISFACTIONS, CLOSING_SATISFACTION_LABEL, CLOSING_SATISFACTION_MISSING } from '../../../shared/schemas/skm';
import type { Journey } from '../../../shared/schemas/workflow';
import { localDate, localTime } from '../../../shared/time/workingTime';
import { zoneAbbrev } from '../../../shared/time/format';
import { idSchema } from '../../../shared/schemas/common';
import { ATTACHMENT_MAX_BYTES, kindNoun, type TimeZoneId } from '../../../shared/domain';
import { capitalise } from '../../../shared/text/words';
import { ApiCallError, call } from '../../api';
import { notifyError, showApiError } from '../../lib/feedback';
import { LeaveGuard } from '../LeaveGuard';
import { attachmentProblem, readAsBase64 } from '../../lib/files';
import { useDates, useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';
import { AttachmentPicker, attachmentMessages } from '../AttachmentPicker';
import { DateText } from '../admin/DateText';
import { DocumentPaper } from '../documents/DocumentPaper';
import { Loading } from '../Page';
import { focusFirstError } from '../../lib/focusFirstError';
import { askingSatisfaction, asksSatisfaction, ClosingSatisfactionField } from '../skm/ClosingSatisfaction';
import { DOCUMENTS_CHANGED, announceDocumentsChanged } from '../../lib/documentsChanged';
import { capacityOf, wetSignerLabel } from './DocumentsCard';
import { lapsingBy, ReturnedPartsWarning, type LapsingParts } from './ReturnedPartsWarning';
import { DocumentStandIn } from './StandInWarning';

// The forms of the paper trail: drafting the answer, paraf, return, signature (on screen
// or by hand), delivery to the reporter and the archive record.

export { DOCUMENTS_CHANGED, announceDocumentsChanged };

/** The first message anywhere in a react-hook-form error (a list field nests them per item). */
export function firstMessage(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const own = (e as { message?: unknown }).message;
  if (typeof own === 'string') return own;
  for (const v of Object.values(e as Record<string, unknown>)) {
    if (v && typeof v === 'object' && v !== e) {
      const m = firstMessage(v);
      if (m) return m;
    }
  }
  return undefined;
}

/** The core's field messages on the form's fields: "content.body.3" lands on "body". */
export function setServerErrors<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, fieldOf: (path: string) => string | null) {
  if (!(err instanceof ApiCallError)) return;
  const fields = Object.keys(err.fields).length > 0 ? err.fields : err.field ? { [err.field]: err.message } : {};
  for (const [path, message] of Object.entries(fields)) {
    const field = fieldOf(path);
    if (field) setError(field as Path<T>, { type: 'server', message });
  }
}

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;
type DraftKind = (typeof DRAFTABLE_KINDS)[number];

export const DRAFT_KIND_LABEL: Record<DraftKind, string> = {
  surat_tanggapan: 'surat tanggapan',
  berita_acara: 'berita acara',
  laporan_tindak_lanjut: 'laporan tindak lanjut',
};

// ── Drafting ───────────────────────────────────────────────────────────────────────
const needsReason = (o: string | undefined) => (OUTCOMES_WITH_REASON as readonly string[]).includes(o ?? '');
const REASON_LABEL: Partial<Record<Outcome, string>> = {
  ditolak: 'Alasan penolakan',
  bukan_kewenangan: 'Alasan bukan kewenangan kantor',
};

const draftFormSchema = draftInputSchema.superRefine((v, ctx) => {
  if (v.kind === 'berita_acara' && v.satisfaction === null) {
    ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: CLOSING_SATISFACTION_MISSING });
  }
});

export function DraftForm({ journey, onDrafted }: { journey: Journey; onDrafted(doc: IssuedDocument): void }) {
  const blank: DefaultValues<In<typeof draftFormSchema>> = {
    complaintId: journey.id,
    kind: journey.answerKind ?? undefined,
    outcome: 'ditindaklanjuti',
    reason: '',
    satisfaction: journey.satisfaction,
  };
  const form = useForm<In<typeof draftFormSchema>, unknown, Out<typeof draftFormSchema>>({ resolver: zodResolver(draftFormSchema), defaultValues: blank });
  const errors = form.formState.errors;
  const kind = form.watch('kind');
  const outcome = form.watch('outcome');
  const submit = form.handleSubmit(async (values) => {
    try {
      const doc = await call('documents.draft', {
        ...values,
        reason: values.kind === 'surat_tanggapan' && needsReason(values.outcome) ? values.reason : '',
        satisfaction: values.kind === 'berita_acara' ? values.satisfaction : null,
      });
      onDrafted(doc);
    } catch (err) {
      showApiError(err, form.setError, 'Draf tidak dapat disusun');
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Susun draf">
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="sm">
        <Text size="sm">
          Tanggap menyusun draf dari templat kantor dan data pengaduan; sesudahnya Anda dapat mengubah isinya sebelum diparaf dan ditandatangani.
        </Text>
        {journey.answerKind === null && (
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label="Jenis dokumen"
                data={DRAFTABLE_KINDS.map((k) => ({ value: k, label: DRAFT_KIND_LABEL[k] }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                error={errors.kind?.message}
              />
            )}
          />
        )}
        {kind === 'surat_tanggapan' && (
          <Controller
            control={form.control}
            name="outcome"
            render={({ field }) => (
              <Select
                label="Hasil penanganan"
                data={OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? undefined)}
                allowDeselect={false}
                error={errors.outcome?.message}
              />
            )}
          />
        )}
        {kind === 'surat_tanggapan' && needsReason(outcome) && (
          <Textarea
            label={REASON_LABEL[outcome as Outcome]}
            description="Dimuat dalam surat sebagai alasan."
            autosize
            minRows={3}
            {...form.register('reason')}
            error={errors.reason?.message}
          />
        )}
        {kind === 'berita_acara' && (
          <Controller
            control={form.control}
            name="satisfaction"
            render={({ field }) => (
              <Radio.Group
                label="Pernyataan pelapor"
                description="Apa yang dinyatakan pelapor tentang penyelesaian pengaduannya; tidak ditanyakan bila pelapor anonim atau tidak dapat dihubungi."
                value={field.value ?? null}
                onChange={(v) => field.onChange(v)}
                error={errors.satisfaction?.message}
              >
                <Group mt={6}>
                  {CLOSING_SATISFACTIONS.map((s) => (
                    <Radio key={s} value={s} label={CLOSING_SATISFACTION_LABEL[s]} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
        )}
        <Button type="submit" loading={form.formState.isSubmitting}>
          Susun draf
        </Button>
      </Stack>
    </form>
  );
}

// ── Paraf, return, signature ───────────────────────────────────────────────────────
interface ActionsProps {
  doc: IssuedDocument;
  /** After a change ('' after a refusal, to reload what may have moved meanwhile). */
  onChanged(message: string, doc?: IssuedDocument): void;
  onRevise(doc: IssuedDocument): void;
  /** Actions the host offers another way (the signature queue signs inline). */
  exclude?: DocumentAction[];
  size?: 'xs' | 'sm';
}

// Exactly the actions the core lists for this user on this document. The dialogs of those
// that complete the running step warn of the returned parts it would end (doc.stepLapse).
export function DocumentActions({ doc, onChanged, onRevise, exclude = [], size = 'sm' }: ActionsProps) {
  const [open, setOpen] = useState<'paraf' | 'return' | 'sign' | 'print_wet' | 'sign_wet' | null>(null);
  const has = (a: DocumentAction) => doc.actions.includes(a) && !exclude.includes(a);
  if (!doc.actions.some((a) => !exclude.includes(a))) return null;
  const done = (message: string, next?: IssuedDocument) => {
    setOpen(null);
    if (next) announceDocumentsChanged();
    onChanged(message, next);
  };
  return (
    <>
      <Group gap="xs">
        {has('sign') && (
          <Button size={size} onClick={() => setOpen('sign')}>
            Periksa dan tandatangani
          </Button>
        )}
        {has('paraf') && (
          <Button size={size} onClick={() => setOpen('paraf')}>
            Paraf
          </Button>
        )}
        {has('revise') && (
          <Button size={size} variant="light" onClick={() => onRevise(doc)}>
            {doc.status === 'draf' ? 'Ubah draf' : 'Buat koreksi (versi baru)'}
          </Button>
        )}
        {has('return') && (
          <Button size={size} variant="light" color="orange" onClick={() => setOpen('return')}>
            Kembalikan draf
          </Button>
        )}
        {has('sign_wet') && doc.wetPaper?.printed && (
          <Button size={size} variant="default" onClick={() => setOpen('sign_wet')}>
            Unggah hasil pindai
          </Button>
        )}
        {has('sign_wet') && (
          <Button size={size} variant="default" onClick={() => setOpen('print_wet')}>
            {doc.wetPaper?.printed ? 'Cetak ulang naskah' : 'Cetak untuk tanda tangan basah'}
          </Button>
        )}
      </Group>
      {open === 'paraf' && <ParafModal doc={doc} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'return' && <ReturnModal doc={doc} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'sign' && <SignDialog id={doc.id} onClose={() => setOpen(null)} onSigned={(d) => done(signedMessage(d), d)} />}
      {open === 'print_wet' && <PrintWetModal doc={doc} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'sign_wet' && doc.wetPaper?.printed && <SignWetModal doc={doc} printed={doc.wetPaper.printed} onClose={() => setOpen(null)} onDone={done} />}
    </>
  );
}

export const signedMessage = (d: IssuedDocument) => `${d.title} ditandatangani${d.number ? ` dengan nomor ${d.number}` : ''}.`;

interface ModalProps {
  doc: IssuedDocument;
  onClose(): void;
  onDone(message: string, doc?: IssuedDocument): void;
}

function ParafModal({ doc, onClose, onDone }: ModalProps) {
  const [busy, setBusy] = useState(false);
  const lapsing = lapsingBy(doc.stepLapse, 'paraf');
  const paraf = async () => {
    setBusy(true);
    try {
      const next = await call('documents.paraf', { id: doc.id });
      onDone(`${doc.title} versi ${doc.version} diparaf.`, next);
    } catch (err) {
      notifyError(err, 'Paraf tidak dapat dibubuhkan');
      onDone('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title="Paraf draf">
      <Stack gap="sm">
        <Text size="sm">
          Paraf {doc.title.toLowerCase()} versi {doc.version}? Dengan paraf, Anda menyatakan sudah memeriksa isinya dan menyetujuinya diteruskan kepada
          penandatangan. Bila isinya perlu diubah, pilih Batal lalu ubah atau kembalikan drafnya.
        </Text>
        <DocumentStandIn doc={doc} />
        {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="paraf" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Batal
          </Button>
          <Button loading={busy} onClick={() => void paraf()}>
            Ya, paraf
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ReturnModal({ doc, onClose, onDone }: ModalProps) {
  const form = useForm<In<typeof returnDocumentSchema>, unknown, Out<typeof returnDocumentSchema>>({
    resolver: zodResolver(returnDocumentSchema),
    defaultValues: { id: doc.id, reason: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      const next = await call('documents.return', values);
      onDone('Draf dikembalikan kepada penyusunnya dengan alasan Anda.', next);
    } catch (err) {
      showApiError(err, form.setError, 'Draf tidak dapat dikembalikan');
    }
  }, focusFirstError);
  return (
    <Modal opened onClose={onClose} title="Kembalikan draf">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Draf dikembalikan kepada penyusunnya untuk diperbaiki. Tuliskan apa yang harus diubah; alasan ini tampil pada draf.
          </Text>
          <Textarea label="Alasan pengembalian" autosize minRows={3} {...form.register('reason')} error={form.formState.errors.reason?.message} />
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

// How the signer's words name his capacity: in his own name as the head of office, a.n.,
// or as Plt./Plh.
const signingWords = (capacity: SigningAs['capacity'], headTitle: string) =>
  capacity === 'a.n.' ? `atas nama (a.n.) ${headTitle}` : `sebagai ${capacityOf(capacity, headTitle) || headTitle}`;

// The password confirms it is the signer at the keyboard; a wrong one changes nothing. The
// form says, before he signs, in which capacity and how the signature block will read, as
// the core worked it out (signingAs), and warns when the signature completes the running
// step while returned parts wait in it (stepLapse).
export function SignForm({ doc, onSigned }: { doc: Pick<DocumentWithContent, 'id' | 'signingAs' | 'stepLapse' | 'wetPaper' | 'standIn' | 'actions'>; onSigned(doc: IssuedDocument): void }) {
  const { user, office } = useSession();
  const as = doc.signingAs;
  const lapsing = lapsingBy(doc.stepLapse, 'sign');
  // Signing in his own name, the head of office's capacity is his jabatan already.
  const jabatan = as?.capacity === '' ? '' : user.jabatan;
  const form = useForm<In<typeof signInputSchema>, unknown, Out<typeof signInputSchema>>({
    resolver: zodResolver(signInputSchema),
    defaultValues: { id: doc.id, password: '' },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      const signed = await call('documents.sign', values);
      form.reset({ id: doc.id, password: '' });
      announceDocumentsChanged();
      onSigned(signed);
    } catch (err) {
      // A wrong password belongs under the field; anything else (no specimen, moved on) above
      // the button. Only there, not in a notice too, which would outlast the next try's success.
      setServerErrors(err, form.setError, (path) => (path === 'password' ? 'password' : null));
      if (!form.getFieldState('password').error && err instanceof ApiCallError && err.code !== 'unauthenticated') {
        form.setError('root', { type: 'server', message: err.message });
      }
      if (!(err instanceof ApiCallError)) notifyError(err, 'Dokumen belum ditandatangani');
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Tanda tangan">
      <Stack gap="sm">
        {doc.wetPaper?.printed && (
          <Alert color="orange" p="xs">
            Naskah ini sudah dicetak untuk ditandatangani basah oleh {wetSignerLabel(doc.wetPaper.printed.signer, office.headTitle)}, dengan nomor{' '}
            {doc.wetPaper.number}; yang tampil lembar cetak itu. Bila Anda menandatanganinya di layar, nomornya tetap,{' '}
            {doc.wetPaper.printed.signer.id === user.id ? 'tanggalnya menjadi hari ini' : 'tetapi blok tanda tangan dan tanggalnya menjadi milik Anda'}, dan
            lembar cetak itu tidak berlaku lagi.
          </Alert>
        )}
        <Alert color="gray" p="xs">
          Tanda tangan di aplikasi bukan tanda tangan elektronik tersertifikasi (BSrE). Tanggap mencatat siapa menandatangani dan kapan, memberi nomor
          surat, dan memasang kode periksa pada dokumen.
        </Alert>
        <Text size="sm">
          Anda, <b>{user.name}</b>
          {jabatan && ` (${jabatan})`}, menandatangani {as ? signingWords(as.capacity, office.headTitle) : 'dokumen ini'}.
          {as && ' Blok tanda tangannya akan berbunyi:'}
        </Text>
        {as && (
          <Box aria-label="Blok tanda tangan" pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            {[...as.caption, as.name].map((line, i) => (
              <Text key={i} size="sm" fw={i === as.caption.length ? 600 : undefined}>
                {line}
              </Text>
            ))}
          </Box>
        )}
        {as && !as.specimen && (
          <Alert color="orange" p="xs">
            Contoh tanda tangan Anda belum diunggah, sehingga dokumen belum dapat ditandatangani di layar. Unggah dulu di{' '}
            <Anchor component={Link} to="/akun">
              Akun saya › Contoh tanda tangan
            </Anchor>
            {user.role === 'kasi' ? '.' : ', atau pilih "Cetak untuk tanda tangan basah" dan tandatangani naskahnya dengan tangan.'}
          </Alert>
        )}
        <DocumentStandIn doc={doc} />
        <Text size="sm">Setelah ditandatangani, isi dokumen tidak dapat diubah lagi.</Text>
        {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="sign" />}
        <PasswordInput label="Kata sandi Anda" autoComplete="current-password" {...form.register('password')} error={errors.password?.message} />
        {errors.root?.message && (
          <Alert color="red" p="xs" role="alert">
            {errors.root.message}
          </Alert>
        )}
        <Button type="submit" loading={form.formState.isSubmitting} disabled={as?.specimen === false}>
          Tandatangani
        </Button>
      </Stack>
    </form>
  );
}

/** Who has initialled the draft, for the signer. */
/** "Paraf" and who initialled the version, for the signer to see before signing. */
export function ParafList({ doc }: { doc: IssuedDocument }) {
  return (
    <Box>
      <Text size="sm" fw={600}>
        Paraf
      </Text>
      {doc.parafs.length === 0 ? (
        <Text size="sm" c="dimmed">
          Belum ada paraf.
        </Text>
      ) : (
        <List size="sm" spacing={2} aria-label="Paraf">
          {doc.parafs.map((p) => (
            <List.Item key={`${p.name}-${p.at}`}>
              {p.name}
              {p.jabatan && ` (${p.jabatan})`}
            </List.Item>
          ))}
        </List>
      )}
    </Box>
  );
}

// The document exactly as it will print, beside the password.
export function SignDialog({ id, onClose, onSigned }: { id: number; onClose(): void; onSigned(doc: IssuedDocument): void }) {
  const doc = useCall('documents.get', { id });
  const d = doc.data;
  return (
    <Modal opened onClose={onClose} size="84rem" title={d ? `Tandatangani ${d.title.toLowerCase()}` : 'Tandatangani dokumen'}>
      {d ? (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <ScrollArea.Autosize mah="75vh" type="auto" bg="gray.1" p="sm">
              <DocumentPaper content={d.content} />
            </ScrollArea.Autosize>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="sm">
              <Text size="sm">
                {d.registerNo && `Pengaduan ${d.registerNo} · `}versi {d.version}
              </Text>
              <ParafList doc={d} />
              <SignForm doc={d} onSigned={onSigned} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <Loading error={doc.error} retry={doc.reload} />
      )}
    </Modal>
  );
}

// A signature by hand: the draft printed as it will stand, numbered and without the DRAF
// mark, for the official who will sign it (again, keeping its number, for another or for a
// lost sheet); that paper's scan is uploaded once signed and stamped.
const printWetFormSchema = z.object({
  id: idSchema,
  signerId: idSchema.nullable().refine((v) => v !== null, 'Pilih pejabat yang akan menandatangani naskahnya.'),
});

function PrintWetModal({ doc, onClose, onDone }: ModalProps) {
  const { office } = useSession();
  const { short } = useDates();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const paper = doc.wetPaper;
  const form = useForm<In<typeof printWetFormSchema>, unknown, Out<typeof printWetFormSchema>>({
    resolver: zodResolver(printWetFormSchema),
    // The head of office comes first in the list and is who signs most letters.
    defaultValues: { id: doc.id, signerId: paper?.printed?.signer.id ?? doc.wetSigners[0]?.id ?? null },
  });
  const errors = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      const next = await call('documents.printWet', { id: values.id, signerId: values.signerId! });
      // The paper is printed from the document's page.
      const to = `/dokumen/${doc.id}`;
      if (pathname !== to) void navigate(to);
      onDone(`Naskah bernomor ${next.wetPaper?.number ?? ''} siap: cetak atau unduh DOCX, mintakan tanda tangan dan cap, lalu unggah hasil pindainya.`, next);
    } catch (err) {
      setServerErrors(err, form.setError, (path) => (path === 'signerId' ? 'signerId' : null));
      notifyError(err, 'Naskah tidak dapat disiapkan');
    }
  }, focusFirstError);
  return (
    <Modal opened onClose={onClose} title={paper?.printed ? 'Cetak ulang untuk tanda tangan basah' : 'Cetak untuk tanda tangan basah'}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {doc.title} versi {doc.version} disiapkan seperti akan terbit: tanpa tanda DRAF, dengan nomor surat dan blok tanda tangan pejabat yang dipilih,
            tanpa tanda tangan dan kode periksa. Sesudah itu cetak atau unduh naskahnya dari halaman dokumen.
          </Text>
          <Text size="sm">
            {paper?.printed
              ? `Sudah dicetak pada ${short(paper.printed.at)} untuk ${wetSignerLabel(paper.printed.signer, office.headTitle)}. Cetak ulang bila lembarnya hilang atau pejabat lain yang akan menandatangani: nomornya tetap ${paper.number}, tanggal surat menjadi hari ini.`
              : paper
                ? `Nomor ${paper.number} dari versi sebelumnya tetap dipakai.`
                : 'Nomor surat diambil sekarang dari penomoran surat keluar dan tetap milik surat ini, juga bila dicetak ulang atau diubah.'}
          </Text>
          <DocumentStandIn doc={doc} />
          {doc.wetSigners.length === 0 && (
            <Alert color="orange" p="xs">
              Belum ada pejabat yang dapat menandatangani: {office.headTitle} aktif dengan NIP, Plt./Plh. yang tercatat hari ini, atau Sekretaris a.n.
              pimpinan bila standar mengizinkannya. Minta Admin melengkapinya di Pengaturan › Pengguna atau Pejabat Plt./Plh.
            </Alert>
          )}
          <Controller
            control={form.control}
            name="signerId"
            render={({ field }) => (
              <Select
                label="Akan ditandatangani oleh"
                description="Namanya dimuat di blok tanda tangan naskah."
                data={doc.wetSigners.map((w) => ({ value: String(w.id), label: wetSignerLabel(w, office.headTitle) }))}
                value={field.value === null ? null : String(field.value)}
                onChange={(v) => field.onChange(v === null ? null : Number(v))}
                allowDeselect={false}
                error={errors.signerId?.message}
              />
            )}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Siapkan naskah
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const SCAN_TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' };
const signWetFormSchema = z.object({
  id: idSchema,
  printedAt: z.string(),
  scan: attachmentUploadSchema.nullable().superRefine((v, ctx) => {
    if (v === null) ctx.addIssue({ code: 'custom', message: 'Pilih berkas hasil pindai dokumen yang sudah ditandatangani (PDF, JPG atau PNG).' });
    else if (!(v.mime in SCAN_TYPES)) ctx.addIssue({ code: 'custom', message: `Berkas "${v.fileName}" bukan PDF, JPG atau PNG; pindai ulang dalam salah satu jenis itu.` });
  }),
});

type Printed = NonNullable<NonNullable<IssuedDocument['wetPaper']>['printed']>;

function SignWetModal({ doc, printed, onClose, onDone }: ModalProps & { printed: Printed }) {
  const lapsing = lapsingBy(doc.stepLapse, 'sign_wet');
  const form = useForm<In<typeof signWetFormSchema>, unknown, Out<typeof signWetFormSchema>>({
    resolver: zodResolver(signWetFormSchema),
    // The paper printed last, which this scan is of: the core refuses it once printed again.
    defaultValues: { id: doc.id, printedAt: printed.at, scan: null },
  });
  const { office } = useSession();
  const { short } = useDates();
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const errors = form.formState.errors;
  const pick = async (f: File | null) => {
    setFile(f);
    form.clearErrors('scan');
    if (!f) return form.setValue('scan', null);
    const problem = !(f.type in SCAN_TYPES) ? `Berkas "${f.name}" bukan PDF, JPG atau PNG; pindai ulang dalam salah satu jenis itu.` : attachmentProblem(f);
    if (problem) {
      form.setValue('scan', null);
      return form.setError('scan', { type: 'manual', message: problem });
    }
    setReading(true);
    try {
      form.setValue('scan', { fileName: f.name, mime: f.type, dataBase64: await readAsBase64(f) });
    } catch (err) {
      form.setValue('scan', null);
      form.setError('scan', { type: 'manual', message: err instanceof Error ? err.message : `Berkas "${f.name}" tidak dapat dibaca.` });
    } finally {
      setReading(false);
    }
  };
  const submit = form.handleSubmit(async (values) => {
    try {
      const next = await call('documents.signWet', { id: values.id, printedAt: values.printedAt, scan: values.scan! });
      onDone('Hasil pindai tersimpan; dokumen tercatat ditandatangani basah.', next);
    } catch (err) {
      setServerErrors(err, form.setError, (path) => (path.startsWith('scan') ? 'scan' : null));
      notifyError(err, 'Hasil pindai tidak dapat disimpan');
    }
  }, focusFirstError);
  const scanError = errors.scan?.message ?? (errors.scan as Record<string, { message?: string }> | undefined)?.mime?.message;
  return (
    <Modal opened onClose={onClose} title="Tanda tangan basah: unggah hasil pindai">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            Pindai naskah bernomor {doc.wetPaper?.number} yang dicetak pada {short(printed.at)} untuk {wetSignerLabel(printed.signer, office.headTitle)}{' '}
            setelah ditandatangani dan dicap, lalu unggah di sini. Bila pejabat lain yang menandatanganinya, cetak ulang naskahnya untuk pejabat itu dulu.
          </Text>
          <FileInput
            label="Berkas hasil pindai"
            description={`Satu berkas PDF, JPG atau PNG, paling besar ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`}
            placeholder="Pilih berkas"
            accept={Object.keys(SCAN_TYPES).join(',')}
            value={file}
            onChange={(f) => void pick(f)}
            clearable
            error={scanError}
          />
          {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="sign_wet" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting || reading}>
              Unggah hasil pindai
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

// ── Delivery ───────────────────────────────────────────────────────────────────────
const hhmmOf = (text: string): string | null => {
  const m = /^(\d{1,2})[.:](\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${m[2]}` : null;
};

// A time typed 24-hour, "10.15" as letters write it (and as the intake form asks) or
// "10:15"; shown with the dot. The browser's time box would follow the system locale (AM/PM
// on an English PC). `value` is "HH:MM".
export function TimeText({ label, value, onChange, onBlur, error, tz }: { label: string; value: string; onChange(v: string): void; onBlur?(): void; error?: string; tz: TimeZoneId }) {
  const [text, setText] = useState(value.replace(':', '.'));
  useEffect(() => {
    setText((current) => (hhmmOf(current) === value ? current : value.replace(':', '.')));
  }, [value]);
  const hhmm = hhmmOf(text);
  const own = text.trim() === '' || hhmm ? undefined : 'Tulis jam sebagai JJ.MM (24 jam), contoh 14.30.';
  return (
    <TextInput
      label={label}
      placeholder="JJ.MM"
      maxLength={5}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(hhmmOf(next) ?? next.trim());
      }}
      onBlur={onBlur}
      description={hhmm ? `pukul ${hhmm.replace(':', '.')} ${zoneAbbrev(tz)}` : undefined}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={own ?? error}
    />
  );
}

/** The reporter's number as wa.me wants it: country code, digits only. */
export function waNumber(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '').replace(/^\+/, '');
  if (digits.startsWith('62')) return digits;
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  if (digits.startsWith('8')) return `62${digits}`;
  return digits;
}

const deliverFormSchema = deliverInputSchema
  .omit({ deliveredAt: true })
  .extend({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Isi tanggal penyampaian, contoh 28/12/2026.' }),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Isi jam penyampaian sebagai JJ.MM, contoh 10.15.' }),
    now: z.string(),
  })
  .refine((v) => `${v.date}T${v.time}` <= v.now, { error: 'Waktu penyampaian belum tiba; isi tanggal dan jam saat surat benar-benar disampaikan.', path: ['time'] });
type DeliverIn = In<typeof deliverFormSchema>;

const deliverFieldOf = (path: string) => {
  const name = path.split('.')[0]!;
  if (name === 'deliveredAt') return 'date';
  return ['channel', 'recipient', 'note', 'proof'].includes(name) ? name : null;
};

interface DeliverProps {
  journey: Journey;
  complaint: ComplaintDetail;
  onDone(message: string): void;
  /** The delivery completes its step: the returned parts it would end. */
  lapsing?: LapsingParts;
}

export function DeliverForm({ journey, complaint, onDone, lapsing }: DeliverProps) {
  const { office, user, now: hostNow } = useSession();
  const tz = office.timeZone;
  const nowLocal = () => {
    const now = hostNow();
    return { date: localDate(now, tz), time: localTime(now, tz), now: `${localDate(now, tz)}T${localTime(now, tz)}` };
  };
  const r = complaint.reporter;
  const known = !complaint.personalDataMasked;
  const start = nowLocal();
  const blank: DefaultValues<DeliverIn> = {
    complaintId: journey.id,
    date: start.date,
    time: start.time,
    now: start.now,
    recipient: known && !r.anonymous ? r.name : '',
    note: '',
    proof: [],
  };
  const closing = asksSatisfaction(journey);
  const form = useForm<DeliverIn, unknown, Out<typeof deliverFormSchema>>({ resolver: askingSatisfaction(zodResolver(deliverFormSchema), closing), defaultValues: blank });
  const errors = form.formState.errors;
  const channel = form.watch('channel');
  const handed = !channel || HANDED_OVER.has(channel);
  const submit = form.handleSubmit(
    async ({ date, time, now: _now, ...rest }) => {
      try {
        await call('documents.deliver', { ...rest, deliveredAt: `${date}T${time}` });
        onDone('Penyampaian kepada pelapor tercatat.');
      } catch (err) {
        setServerErrors(err, form.setError, deliverFieldOf);
        notifyError(err, 'Penyampaian tidak dapat dicatat');
      }
    },
    focusFirstError,
  );
  // The clock moves on while the form is open; "now" is read at each submit.
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    form.setValue('now', nowLocal().now);
    return submit(e);
  };

  const answer = journey.answerKind ? DRAFT_KIND_LABEL[journey.answerKind] : 'tanggapan';
  const greeting = known && !r.anonymous && r.name ? `Yth. ${r.name},` : 'Yth. Bapak/Ibu,';
  const message = `${greeting}\n\n${capitalise(answer)} ${office.name} atas ${kindNoun(complaint.kind)} Saudara nomor register ${complaint.registerNo} perihal "${complaint.subject}" kami lampirkan bersama pesan ini.\n\nTerima kasih.\n${user.name}\n${office.name}`;
  const phone = known && r.phone ? waNumber(r.phone) : '';
  const email = known ? r.email : '';
  const waHref = phone ? `https://wa.me/${phone}?text=${encodeURIComponent(message)}` : '';
  const mailHref = email
    ? `mailto:${email}?subject=${encodeURIComponent(`Tanggapan ${kindNoun(complaint.kind)} nomor ${complaint.registerNo}`)}&body=${encodeURIComponent(message)}`
    : '';

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Catat penyampaian">
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="sm">
        {(waHref || mailHref) && (
          <Alert color="teal" p="xs" title="Kirim kepada pelapor">
            <Stack gap={4}>
              <Text size="sm">
                Tautan ini membuka WhatsApp atau program email dengan pesan yang sudah disusun; Tanggap sendiri tidak mengirim apa pun. Lampirkan PDF
                dokumen yang sudah ditandatangani, kirim, lalu catat penyampaiannya di bawah.
              </Text>
              <Group gap="md">
                {waHref && (
                  <Anchor href={waHref} target="_blank" rel="noreferrer" size="sm">
                    Buka WhatsApp ({r.phone})
                  </Anchor>
                )}
                {mailHref && (
                  <Anchor href={mailHref} target="_blank" rel="noreferrer" size="sm">
                    Buka draf email ({email})
                  </Anchor>
                )}
              </Group>
            </Stack>
          </Alert>
        )}
        <Controller
          control={form.control}
          name="channel"
          render={({ field }) => (
            <Select
              label="Cara penyampaian"
              placeholder="Pilih cara penyampaian"
              data={DELIVERY_CHANNELS.map((c) => ({ value: c, label: DELIVERY_CHANNEL_LABEL[c] }))}
              value={field.value ?? null}
              onChange={(v) => field.onChange(v ?? undefined)}
              error={errors.channel?.message}
            />
          )}
        />
        <Group grow align="flex-start">
          <Controller
            control={form.control}
            name="date"
            render={({ field }) => (
              <DateText label="Tanggal penyampaian" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.date?.message} tz={tz} />
            )}
          />
          <Controller
            control={form.control}
            name="time"
            render={({ field }) => <TimeText label="Jam" value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={errors.time?.message} tz={tz} />}
          />
        </Group>
        <TextInput
          label={handed ? 'Nama penerima' : 'Disampaikan kepada'}
          description={handed ? undefined : 'Nama tujuan, nomor atau alamatnya; untuk pelapor anonim, tempat pengumumannya.'}
          {...form.register('recipient')}
          error={errors.recipient?.message}
        />
        <Textarea label="Keterangan (tidak wajib)" autosize minRows={2} {...form.register('note')} error={errors.note?.message} />
        <Controller
          control={form.control}
          name="proof"
          render={({ field }) => (
            <AttachmentPicker
              label="Bukti penyampaian (tidak wajib): foto serah terima, resi pos, tangkapan layar pesan"
              value={field.value ?? []}
              onChange={(next) => field.onChange(next)}
              errors={attachmentMessages(errors.proof)}
            />
          )}
        />
        {closing && (
          <Controller
            control={form.control}
            name="satisfaction"
            render={({ field }) => <ClosingSatisfactionField value={field.value} onChange={field.onChange} error={errors.satisfaction?.message} />}
          />
        )}
        {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="deliver" />}
        <Button type="submit" loading={form.formState.isSubmitting}>
          Catat penyampaian
        </Button>
      </Stack>
    </form>
  );
}

// ── Archive ────────────────────────────────────────────────────────────────────────
export function ArchiveForm({ id, closing, onDone, lapsing }: { id: number; closing: boolean; onDone(message: string): void; lapsing?: LapsingParts }) {
  const form = useForm<In<typeof archiveInputSchema>, unknown, Out<typeof archiveInputSchema>>({
    resolver: askingSatisfaction(zodResolver(archiveInputSchema), closing),
    defaultValues: { complaintId: id, location: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await call('documents.archive', values);
      onDone(`Berkas pengaduan diarsipkan di ${values.location}.`);
    } catch (err) {
      showApiError(err, form.setError, 'Berkas tidak dapat diarsipkan');
    }
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate aria-label="Arsipkan">
      <LeaveGuard dirty={form.formState.isDirty} />
      <Stack gap="xs">
        <Text size="sm">Simpan berkas fisik pengaduan beserta tembusan surat, lalu catat di mana berkas itu disimpan.</Text>
        <TextInput
          label="Tempat arsip (ordner/box)"
          placeholder="Contoh: Ordner Pengaduan 2026/1, Box 3"
          {...form.register('location')}
          error={form.formState.errors.location?.message}
        />
        {closing && (
          <Controller
            control={form.control}
            name="satisfaction"
            render={({ field }) => <ClosingSatisfactionField value={field.value} onChange={field.onChange} error={form.formState.errors.satisfaction?.message} />}
          />
        )}
        {lapsing && <ReturnedPartsWarning lapsing={lapsing} by="archive" />}
        <Button type="submit" loading={form.formState.isSubmitting}>
          Arsipkan
        </Button>
      </Stack>
    </form>
  );
}
