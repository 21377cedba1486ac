import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Box, Button, Group, Modal, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import type { DocumentWithContent, IssuedDocument } from '../../../shared/documents/issued';
import { draftContentSchema, type DraftContentInput, type Satisfaction } from '../../../shared/schemas/documents';
import { CLOSING_SATISFACTIONS, CLOSING_SATISFACTION_LABEL, CLOSING_SATISFACTION_MISSING } from '../../../shared/schemas/skm';
import { SIFAT, SIFAT_LABEL, type Sifat } from '../../../shared/domain';
import { diffParagraphs, diffWords, hasChanges, splitLines, splitParagraphs, type DiffPart, type ParagraphDiff } from '../../../shared/text/diff';
import { call } from '../../api';
import { notifyError } from '../../lib/feedback';
import { useCall } from '../../lib/useCall';
import { Loading } from '../Page';
import { announceDocumentsChanged, firstMessage, setServerErrors } from './DocumentForms';
import { focusFirstError } from '../../lib/focusFirstError';
import { useStaleEdit } from '../../lib/staleEdit';
import { StaleEditAlert } from '../StaleEditAlert';
import { LeaveGuard } from '../LeaveGuard';
import { StandInWarning } from './StandInWarning';
import { standInOf } from '../../../shared/documents/standIn';

// Records put the drafter's paragraphs under one heading among text the core writes itself.
const OWN_SECTION: Partial<Record<DocumentWithContent['kind'], string>> = {
  berita_acara: 'Penyelesaian yang telah dilakukan',
  laporan_tindak_lanjut: 'Kesimpulan',
};

// What a drafter may change of a letter: the content the core keeps beside the printed view.
export function draftContentOf(doc: DocumentWithContent, satisfaction: Satisfaction | null = null): DraftContentInput {
  return doc.draft ?? { hal: doc.title, body: [], satisfaction };
}

// The editor holds the letter as typed: paragraphs apart by an empty line, one tembusan a line.
const shape = draftContentSchema.shape;
const editorSchema = (beritaAcara: boolean) =>
  z
    .object({
      hal: shape.hal,
      sifat: shape.sifat,
      lampiran: shape.lampiran,
      body: z.string().transform(splitParagraphs).pipe(shape.body),
      tembusan: z.string().transform(splitLines).pipe(shape.tembusan.unwrap()),
      satisfaction: shape.satisfaction,
    })
    .refine((v) => !beritaAcara || v.satisfaction !== null, {
      error: CLOSING_SATISFACTION_MISSING,
      path: ['satisfaction'],
    });
type EditorIn = z.input<ReturnType<typeof editorSchema>>;
type EditorOut = z.output<ReturnType<typeof editorSchema>>;

const toEditor = (c: DraftContentInput): EditorIn => ({
  hal: c.hal ?? '',
  sifat: (c.sifat ?? 'biasa') as Sifat,
  lampiran: c.lampiran ?? '-',
  body: (c.body ?? []).join('\n\n'),
  tembusan: (c.tembusan ?? []).join('\n'),
  satisfaction: c.satisfaction ?? null,
});

const EDITOR_FIELDS = ['hal', 'sifat', 'lampiran', 'body', 'tembusan', 'satisfaction'];
const editorFieldOf = (path: string) => {
  const name = path.replace(/^content\./, '').split('.')[0]!;
  return EDITOR_FIELDS.includes(name) ? name : null;
};

const removedStyle = { color: 'var(--mantine-color-red-8)', background: 'var(--mantine-color-red-0)', textDecoration: 'line-through' };
const addedStyle = { color: 'var(--mantine-color-green-9)', background: 'var(--mantine-color-green-0)' };

function Words({ parts }: { parts: DiffPart<string>[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.value}</span>
        ) : p.op === 'removed' ? (
          <del key={i} style={removedStyle}>
            {p.value}
          </del>
        ) : (
          <ins key={i} style={{ ...addedStyle, textDecoration: 'none' }}>
            {p.value}
          </ins>
        ),
      )}
    </>
  );
}

function Paragraph({ p }: { p: ParagraphDiff }) {
  const base = { whiteSpace: 'pre-wrap' as const, padding: '2px 6px', borderRadius: 4 };
  if (p.op === 'changed') {
    return (
      <Text size="sm" style={base}>
        <Words parts={p.words} />
      </Text>
    );
  }
  if (p.op === 'removed') {
    return (
      <Text size="sm" style={{ ...base, ...removedStyle }} aria-label={`Dihapus: ${p.text}`}>
        {p.text}
      </Text>
    );
  }
  if (p.op === 'added') {
    return (
      <Text size="sm" style={{ ...base, ...addedStyle }} aria-label={`Ditambahkan: ${p.text}`}>
        {p.text}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed" style={base}>
      {p.text}
    </Text>
  );
}

export interface LetterText {
  hal: string;
  sifat: string;
  lampiran: string;
  body: string[];
  tembusan: string[];
}

/** Hal, Sifat, Lampiran, paragraphs and tembusan of a letter as plain text, for a diff. */
export function letterTextOf(c: DraftContentInput): LetterText {
  return {
    hal: c.hal ?? '',
    sifat: SIFAT_LABEL[(c.sifat ?? 'biasa') as Sifat],
    lampiran: c.lampiran ?? '-',
    body: (c.body ?? []).map((p) => p.trim()).filter(Boolean),
    tembusan: c.tembusan ?? [],
  };
}

// The change between two versions: rows whose words changed, then the paragraphs and the
// tembusan (removed red and struck through, added green).
export function LetterDiff({ before, after, title }: { before: LetterText; after: LetterText; title: string }) {
  const rows = (['hal', 'sifat', 'lampiran'] as const)
    .filter((k) => before[k].trim() !== after[k].trim())
    .map((k) => ({ label: { hal: 'Hal', sifat: 'Sifat', lampiran: 'Lampiran' }[k], words: diffWords(before[k], after[k]) }));
  const body = diffParagraphs(before.body, after.body);
  const tembusan = diffParagraphs(before.tembusan, after.tembusan);
  const changed = rows.length > 0 || hasChanges(body) || hasChanges(tembusan);
  return (
    <Box component="section" aria-label={title}>
      <Title order={5} mb={4}>
        {title}
      </Title>
      {!changed ? (
        <Text size="sm" c="dimmed">
          Belum ada perubahan.
        </Text>
      ) : (
        <Stack gap={6}>
          {rows.map((r) => (
            <Text size="sm" key={r.label}>
              <b>{r.label}:</b> <Words parts={r.words} />
            </Text>
          ))}
          {hasChanges(body) && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Isi
              </Text>
              {body.map((p, i) => (
                <Paragraph key={i} p={p} />
              ))}
            </Stack>
          )}
          {hasChanges(tembusan) && (
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                Tembusan
              </Text>
              {tembusan.map((p, i) => (
                <Paragraph key={i} p={p} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Box>
  );
}

interface Props {
  id: number;
  /**
   * The document as the page already holds it: not opened again (the opening of a
   * rahasia complaint's letter is audited, one row per opening).
   */
  loaded?: DocumentWithContent;
  /** The reporter's statement known from the journey (berita acara). */
  satisfaction?: Satisfaction | null;
  onClose(): void;
  onSaved(doc: IssuedDocument): void;
}

// Revising a draft makes a new version; the previous one stays in the paper trail.
export function DraftEditor({ id, loaded, satisfaction = null, onClose, onSaved }: Props) {
  // After a save refused because someone else changed the draft: the newest version of
  // the same document, opened in its place.
  const [newer, setNewer] = useState<{ from: number; to: number } | null>(null);
  const shownId = newer?.from === id ? newer.to : id;
  // The page's copy, until that refusal asks for the draft as it is now.
  const [stale, setStale] = useState(false);
  const given = loaded?.id === shownId && !stale ? loaded : undefined;
  const doc = useCall('documents.get', { id: shownId }, given === undefined);
  const data = given ?? doc.data;
  const reload = async () => {
    const current = data;
    if (!current) return;
    try {
      const newest =
        current.complaintId === null
          ? undefined
          : (await call('documents.list', { complaintId: current.complaintId }))
              .filter((d) => d.kind === current.kind && d.supersededById === null && d.actions.includes('revise'))
              .sort((a, b) => b.version - a.version)[0];
      announceDocumentsChanged();
      if (newest && newest.id !== shownId) setNewer({ from: id, to: newest.id });
      else if (given) setStale(true);
      else doc.reload();
    } catch (err) {
      notifyError(err, 'Draf terbaru tidak dapat dimuat');
    }
  };
  // Closing asks first when something was typed; the form sets what closing does.
  const guard = useRef(onClose);
  return (
    <Modal
      opened
      onClose={() => guard.current()}
      size="72rem"
      title={
        data
          ? `${data.status === 'draf' ? 'Ubah' : 'Koreksi'} ${data.title.toLowerCase()} (versi ${data.version})`
          : 'Ubah draf'
      }
      closeOnClickOutside={false}
    >
      {data ? (
        <EditorForm
          key={`${data.id}:${data.rowVersion}`}
          doc={data}
          satisfaction={satisfaction}
          guard={guard}
          onClose={onClose}
          onSaved={onSaved}
          onReload={() => void reload()}
        />
      ) : (
        <Loading error={doc.error} retry={doc.reload} />
      )}
    </Modal>
  );
}

interface FormProps {
  doc: DocumentWithContent;
  satisfaction: Satisfaction | null;
  guard: { current: () => void };
  onClose(): void;
  onSaved(doc: IssuedDocument): void;
  /** Loads the draft as it is now, after a save refused because it changed meanwhile. */
  onReload(): void;
}

function EditorForm({ doc, satisfaction, guard, onClose, onSaved, onReload }: FormProps) {
  const beritaAcara = doc.kind === 'berita_acara';
  // Hal, Sifat and Lampiran are printed on letters only; records have a title instead.
  const surat = doc.content.family === 'letter' && doc.content.view.layout === 'surat';
  const original = useMemo(() => draftContentOf(doc, satisfaction), [doc, satisfaction]);
  const form = useForm<EditorIn, unknown, EditorOut>({ resolver: zodResolver(editorSchema(beritaAcara)), defaultValues: toEditor(original) });
  const [leaving, setLeaving] = useState(false);
  const stale = useStaleEdit();
  const errors = form.formState.errors;
  const values = useWatch({ control: form.control }) as EditorIn;
  const before = letterTextOf(original);
  const after = letterTextOf({
    hal: values.hal ?? '',
    sifat: values.sifat,
    lampiran: values.lampiran,
    body: splitParagraphs(values.body ?? ''),
    tembusan: splitLines(values.tembusan ?? ''),
  });
  const standIn = standInOf(after.body);

  const submit = form.handleSubmit(async (content) => {
    try {
      const saved = await call('documents.revise', {
        id: doc.id,
        rowVersion: doc.rowVersion,
        content: { ...content, satisfaction: beritaAcara ? content.satisfaction : null },
      });
      announceDocumentsChanged();
      onSaved(saved);
    } catch (err) {
      if (stale.caught(err)) return;
      setServerErrors(err, form.setError, editorFieldOf);
      notifyError(err, 'Perubahan draf tidak dapat disimpan');
    }
  }, focusFirstError);

  const dirty = form.formState.isDirty;
  const close = () => (dirty ? setLeaving(true) : onClose());
  useEffect(() => {
    guard.current = dirty ? () => setLeaving(true) : onClose;
  }, [guard, dirty, onClose]);

  return (
    <form onSubmit={submit} noValidate aria-label="Ubah draf">
      <LeaveGuard dirty={dirty} />
      <StaleEditAlert message={stale.message} onReload={onReload} mb="md" />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          {surat && <TextInput label="Hal" {...form.register('hal')} error={errors.hal?.message} />}
          <Group grow align="flex-start" display={surat ? undefined : 'none'}>
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
            <TextInput label="Lampiran" description="Tulis - bila tidak ada" {...form.register('lampiran')} error={errors.lampiran?.message} />
          </Group>
          <Textarea
            label={surat ? 'Isi surat' : (OWN_SECTION[doc.kind] ?? 'Isi')}
            description="Pisahkan paragraf dengan satu baris kosong."
            autosize
            minRows={10}
            maxRows={24}
            {...form.register('body')}
            error={firstMessage(errors.body)}
          />
          {standIn && <StandInWarning standIn={standIn} drafter />}
          <Textarea
            label="Tembusan"
            description="Satu tujuan tembusan per baris; kosongkan bila tidak ada."
            autosize
            minRows={2}
            {...form.register('tembusan')}
            error={firstMessage(errors.tembusan)}
          />
          {beritaAcara && (
            <Controller
              control={form.control}
              name="satisfaction"
              render={({ field }) => (
                <Radio.Group label="Pernyataan pelapor" value={field.value ?? null} onChange={(v) => field.onChange(v)} error={errors.satisfaction?.message}>
                  <Group mt={6}>
                    {CLOSING_SATISFACTIONS.map((s) => (
                      <Radio key={s} value={s} label={CLOSING_SATISFACTION_LABEL[s]} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
          )}
        </Stack>
        <Box style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }} pl="md">
          <LetterDiff before={before} after={after} title={`Perubahan terhadap versi ${doc.version}`} />
        </Box>
      </SimpleGrid>
      {errors.root?.message && (
        <Alert color="red" mt="sm">
          {errors.root.message}
        </Alert>
      )}
      {leaving ? (
        <Alert color="yellow" mt="md" title="Perubahan belum disimpan">
          <Group justify="space-between">
            <Text size="sm">Tutup tanpa menyimpan? Yang sudah Anda ketik akan hilang.</Text>
            <Group gap="xs">
              <Button variant="default" onClick={() => setLeaving(false)}>
                Lanjut mengubah
              </Button>
              <Button color="red" variant="light" onClick={onClose}>
                Buang perubahan
              </Button>
            </Group>
          </Group>
        </Alert>
      ) : (
        // Stays at the dialog's foot while the letter scrolls, so a small screen still shows it.
        <Group justify="flex-end" mt="md" py="sm" pos="sticky" bottom={0} bg="var(--mantine-color-body)" style={{ zIndex: 1, borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Button variant="default" onClick={close}>
            Batal
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            Simpan sebagai versi {doc.version + 1}
          </Button>
        </Group>
      )}
    </form>
  );
}
