import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import {
  CATEGORIES,
  CATEGORY_LABEL,
  CHANNEL_CODES,
  CHANNEL_LABEL,
  COMPLAINT_KINDS,
  COMPLAINT_KIND_LABEL,
} from '../../shared/domain';
import {
  DEFAULT_BACKDATE_DAYS,
  DESCRIPTION_MAX,
  intakeFormSchema,
  LAPOR_TRACKING_MAX,
  type ComplaintData,
  type ComplaintDetail,
  type ComplaintInput,
  type SimilarComplaint,
} from '../../shared/schemas/complaint';
import { call } from '../api';
import { Loading, Page } from '../components/Page';
import { AttachmentPicker, attachmentFileErrors, attachmentMessages } from '../components/AttachmentPicker';
import { DateText } from '../components/admin/DateText';
import { LengthCount } from '../components/LengthCount';
import { SavedPanel } from '../components/intake/SavedPanel';
import { DuplicateModal } from '../components/intake/DuplicateModal';
import { EMPTY_INTAKE, clearDraft, loadDraft, saveDraft, type IntakeDraft } from '../components/intake/draft';
import { showApiError, notifySuccess } from '../lib/feedback';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';
import { focusFirstError } from '../lib/focusFirstError';

const channelOptions = CHANNEL_CODES.map((c) => ({ value: c, label: CHANNEL_LABEL[c] }));
const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABEL[c] }));

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function IntakePage() {
  const { user, office, now } = useSession();
  const [restored] = useState<IntakeDraft | null>(() => loadDraft(user.id));
  const [draftNotice, setDraftNotice] = useState(restored !== null);
  const [missing, setMissing] = useState<string[]>(restored?.attachmentNames ?? []);
  const [saved, setSaved] = useState<ComplaintDetail | null>(null);
  // The complaint just saved is kept in this page's history entry, so Back from its tanda
  // terima or its detail returns to the saved panel, not to an empty form.
  const location = useLocation();
  const navigate = useNavigate();
  const savedId = (location.state as IntakeHistory | null)?.savedId;
  // The menu's Catat pengaduan, clicked on the panel, opens the (emptied) form.
  const [entry, setEntry] = useState(location.key);
  if (entry !== location.key) {
    setEntry(location.key);
    if (savedId === undefined) setSaved(null);
  }
  const submitting = useRef(false);
  // Names still to be picked again stay in the draft until they are.
  const missingRef = useRef(missing);
  useEffect(() => {
    missingRef.current = missing;
  }, [missing]);

  const checklist = useCall('complaints.kelengkapanChecklist', {});
  const standard = useCall('standard.get', {});
  const rules = useCall('complaints.intakeRules', {});
  const backdateDays = rules.data?.backdateDays ?? DEFAULT_BACKDATE_DAYS;
  // Read by the schema at each validation, so the office's limit applies once it has loaded.
  const formRules = useRef({ backdateDays, tz: office.timeZone });
  useEffect(() => {
    formRules.current = { backdateDays, tz: office.timeZone };
  }, [backdateDays, office.timeZone]);
  const [schema] = useState(() => intakeFormSchema(() => formRules.current, now));
  // Possible duplicates found when Simpan was pressed, with the form's data waiting for the choice.
  const [duplicates, setDuplicates] = useState<{ data: ComplaintData; candidates: SimilarComplaint[] } | null>(null);
  const [saving, setSaving] = useState(false);

  const {
    register,
    control,
    handleSubmit,
    watch,
    reset,
    setError,
    clearErrors,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<ComplaintInput, unknown, ComplaintData>({
    resolver: zodResolver(schema),
    defaultValues: { ...(restored?.values ?? EMPTY_INTAKE), attachments: [] },
  });

  // Every change goes to the draft at once, so a reload or a closed tab loses nothing.
  useEffect(() => {
    const sub = watch((values) => {
      const { attachments, ...rest } = values;
      const names = (attachments ?? []).map((a) => a?.fileName ?? '').filter(Boolean);
      saveDraft(user.id, { values: rest, attachmentNames: [...new Set([...names, ...missingRef.current])] });
    });
    return () => sub.unsubscribe();
  }, [watch, user.id]);

  const channel = watch('channel');
  const anonymous = watch('reporter.anonymous');
  const attachments = watch('attachments') ?? [];

  const kind = watch('kind');
  const served = standard.data?.complaintKinds;
  // The kinds this office's standard serves, plus the one chosen (a restored draft's), so what
  // will be submitted is always shown selected; the core refuses an unserved kind with its message.
  const kindOptions = useMemo(() => COMPLAINT_KINDS.filter((k) => !served || served.includes(k) || k === kind), [served, kind]);

  // A fresh form starts on 'pengaduan', or on the first kind the office serves when it does not serve that
  // (the standard arrives after the form is built); a restored draft keeps its own kind.
  useEffect(() => {
    const first = served?.[0];
    if (!served || !first || served.includes(kind) || draftNotice) return;
    setValue('kind', first);
  }, [served, kind, draftNotice, setValue]);

  const clearForm = () => {
    clearDraft(user.id);
    reset({ ...EMPTY_INTAKE, attachments: [] });
    setDraftNotice(false);
    setMissing([]);
  };

  const save = async (data: ComplaintData, linkTo?: number) => {
    // A second click while the first save is still on its way must not record twice.
    if (submitting.current) return;
    submitting.current = true;
    setSaving(true);
    try {
      // The schema has left another channel's fields empty: they are not sent.
      const detail = await call('complaints.create', { ...data, ...(linkTo === undefined ? {} : { linkTo }) });
      clearForm();
      setDuplicates(null);
      setSaved(detail);
      void navigate(location.pathname, { replace: true, state: { savedId: detail.id } satisfies IntakeHistory });
      notifySuccess(`Nomor register ${detail.registerNo}.`, 'Pengaduan tersimpan');
      window.scrollTo({ top: 0 });
    } catch (err) {
      setDuplicates(null);
      showApiError(err, setError, 'Pengaduan belum tersimpan');
    } finally {
      submitting.current = false;
      setSaving(false);
    }
  };

  // Looks for open complaints it may duplicate first; the officer decides in the modal.
  const submit = handleSubmit(async (data) => {
    if (submitting.current) return;
    // A second click during the check is ignored too.
    submitting.current = true;
    let candidates: SimilarComplaint[] = [];
    try {
      candidates = await call('complaints.similar', {
        reporterNik: data.reporter.nik,
        reporterPhone: data.reporter.phone,
        subject: data.subject,
        description: data.description,
      });
    } catch {
      // Only advice: when the check cannot run, saving goes on (and reports its own errors).
    } finally {
      submitting.current = false;
    }
    if (candidates.length > 0) setDuplicates({ data, candidates });
    else await save(data);
  }, focusFirstError);

  if (saved || savedId !== undefined) {
    const another = () => {
      setSaved(null);
      void navigate(location.pathname, { replace: true, state: null });
    };
    return (
      <Page title="Catat pengaduan">
        {saved ? <SavedPanel complaint={saved} onAnother={another} /> : <SavedAgain id={savedId!} onAnother={another} />}
      </Page>
    );
  }

  return (
    <Page title="Catat pengaduan" subtitle="Nomor register diberikan otomatis saat pengaduan disimpan.">
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Formulir pengaduan">
        <Stack gap="md">
          {draftNotice && (
            <Alert color="blue" title="Draf dipulihkan">
              <Group justify="space-between" align="center">
                <Text size="sm">Isian yang belum disimpan sebelumnya ditampilkan kembali. Periksa lalu simpan, atau mulai dari formulir kosong.</Text>
                <Button size="xs" variant="white" color="red" onClick={clearForm}>
                  Kosongkan formulir
                </Button>
              </Group>
            </Alert>
          )}
          {errors.root?.message && (
            <Alert color="red" role="alert">
              {errors.root.message}
            </Alert>
          )}

          <Section title="Penerimaan">
            <Controller
              control={control}
              name="kind"
              render={({ field, fieldState }) => (
                <Radio.Group label="Jenis" withAsterisk value={field.value ?? ''} onChange={field.onChange} error={fieldState.error?.message}>
                  <Group mt={6}>
                    {kindOptions.map((k) => (
                      <Radio key={k} value={k} label={COMPLAINT_KIND_LABEL[k]} />
                    ))}
                  </Group>
                </Radio.Group>
              )}
            />
            <Grid>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Controller
                  control={control}
                  name="channel"
                  render={({ field, fieldState }) => (
                    <Select
                      ref={field.ref}
                      label="Kanal"
                      withAsterisk
                      data={channelOptions}
                      value={field.value ?? null}
                      onChange={(v) => {
                        field.onChange(v ?? undefined);
                        // The fields of the channel left are hidden and no longer checked, nor
                        // kept in the draft: their marks go with them.
                        clearErrors([...(v === 'sp4n_lapor' ? [] : (['laporTrackingId'] as const)), ...(v === 'surat' ? [] : (['letterNo', 'letterDate'] as const))]);
                      }}
                      onBlur={field.onBlur}
                      allowDeselect={false}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Controller
                  control={control}
                  name="category"
                  render={({ field, fieldState }) => (
                    <Select
                      ref={field.ref}
                      label="Kategori"
                      withAsterisk
                      placeholder="Pilih kategori"
                      data={categoryOptions}
                      value={field.value ?? null}
                      onChange={(v) => field.onChange(v ?? undefined)}
                      onBlur={field.onBlur}
                      searchable
                      nothingFoundMessage="Kategori tidak ditemukan"
                      error={fieldState.error?.message}
                    />
                  )}
                />
              </Grid.Col>
              {channel === 'sp4n_lapor' && (
                <Grid.Col span={{ base: 12, md: 4 }}>
                  <TextInput
                    label="Nomor tracking SP4N-LAPOR!"
                    withAsterisk
                    description="Nomor laporan di lapor.go.id"
                    maxLength={LAPOR_TRACKING_MAX}
                    autoComplete="off"
                    {...register('laporTrackingId')}
                    error={errors.laporTrackingId?.message}
                  />
                </Grid.Col>
              )}
            </Grid>
            <Grid>
              <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                <Controller
                  control={control}
                  name="receivedDate"
                  render={({ field, fieldState }) => (
                    <DateText label="Tanggal diterima" tz={office.timeZone} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
                  )}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6, md: 2 }}>
                <TextInput label="Jam diterima" placeholder="JJ.MM" inputMode="numeric" maxLength={5} autoComplete="off" {...register('receivedTime')} error={errors.receivedTime?.message} />
              </Grid.Col>
              {channel === 'surat' && (
                <>
                  <Grid.Col span={{ base: 12, sm: 6, md: 4 }}>
                    <TextInput label="Nomor surat pelapor" autoComplete="off" maxLength={100} {...register('letterNo')} error={errors.letterNo?.message} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
                    <Controller
                      control={control}
                      name="letterDate"
                      render={({ field, fieldState }) => (
                        <DateText label="Tanggal surat" tz={office.timeZone} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
                      )}
                    />
                  </Grid.Col>
                </>
              )}
            </Grid>
            <Text size="xs" c="dimmed">
              Kosongkan tanggal dan jam diterima bila pengaduan diterima sekarang. Surat atau isi kotak saran yang tiba lebih awal boleh diberi tanggal sampai{' '}
              {backdateDays} hari ke belakang; batas waktu penyelesaian dihitung sejak saat itu.
            </Text>
          </Section>

          <Section title="Pelapor">
            <Grid>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput
                  label="Nama pelapor"
                  withAsterisk={!anonymous}
                  description={anonymous ? 'Boleh dikosongkan karena pelapor anonim.' : undefined}
                  // Under the box, as NIK's beside it: the two boxes stay level.
                  inputWrapperOrder={['label', 'input', 'description', 'error']}
                  autoComplete="off"
                  {...register('reporter.name')}
                  error={errors.reporter?.name?.message}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label="NIK" description="16 angka sesuai KTP; boleh dikosongkan" inputWrapperOrder={['label', 'input', 'description', 'error']} inputMode="numeric" maxLength={24} autoComplete="off" {...register('reporter.nik')} error={errors.reporter?.nik?.message} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label="Alamat" autosize minRows={1} maxRows={3} {...register('reporter.address')} error={errors.reporter?.address?.message} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label="Telepon/WA" type="tel" placeholder="081234567890" autoComplete="off" {...register('reporter.phone')} error={errors.reporter?.phone?.message} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TextInput label="Email" type="email" placeholder="nama@contoh.com" autoComplete="off" {...register('reporter.email')} error={errors.reporter?.email?.message} />
              </Grid.Col>
            </Grid>
            <Group align="flex-start" gap="xl">
              <Checkbox
                label="Anonim"
                description="Nama pelapor disembunyikan dari petugas selain yang menangani pengaduan ini."
                maw={360}
                {...register('reporter.anonymous')}
              />
              <Checkbox
                label="Rahasia"
                description="Isi pengaduan tidak dipublikasikan; hanya untuk penanganan."
                maw={360}
                {...register('reporter.confidential')}
              />
            </Group>
          </Section>

          <Section title="Isi pengaduan">
            <TextInput label="Perihal" withAsterisk placeholder="Ringkasan singkat, contoh: Jalan desa rusak belum diperbaiki" {...register('subject')} error={errors.subject?.message} />
            <Textarea
              label="Uraian pengaduan"
              withAsterisk
              description="Apa yang terjadi, pelayanan apa yang tidak sesuai, siapa/unit mana yang dilaporkan."
              autosize
              minRows={4}
              maxRows={12}
              {...register('description')}
              error={errors.description?.message}
            />
            <LengthCount control={control} name="description" max={DESCRIPTION_MAX} />
            <Grid>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Textarea label="Kerugian" description="Kerugian materiel atau immateriel yang diderita" autosize minRows={2} {...register('loss')} error={errors.loss?.message} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 6 }}>
                <Textarea label="Harapan" description="Penyelesaian yang diminta pelapor" autosize minRows={2} {...register('expectation')} error={errors.expectation?.message} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <TextInput label="Tempat kejadian" {...register('incidentPlace')} error={errors.incidentPlace?.message} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Controller
                  control={control}
                  name="incidentDate"
                  render={({ field, fieldState }) => (
                    <DateText label="Tanggal kejadian" tz={office.timeZone} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
                  )}
                />
              </Grid.Col>
            </Grid>
          </Section>

          <Section title="Kelengkapan berkas">
            {checklist.error ? (
              <Alert color="red">
                Daftar kelengkapan tidak dapat dimuat: {checklist.error.message}{' '}
                <Button size="compact-xs" variant="light" onClick={checklist.reload}>
                  Coba lagi
                </Button>
              </Alert>
            ) : (
              <Controller
                control={control}
                name="kelengkapan"
                render={({ field, fieldState }) => (
                  <Checkbox.Group
                    label="Centang yang sudah dipenuhi pelapor"
                    description="Sesuai standar pelayanan kantor; yang belum dicentang dicatat sebagai kekurangan."
                    value={field.value ?? []}
                    onChange={field.onChange}
                    error={fieldState.error?.message}
                  >
                    <Stack gap={6} mt={6}>
                      {(checklist.data ?? []).map((item) => (
                        <Checkbox key={item} value={item} label={item} />
                      ))}
                      {/* A restored draft may tick an item the standard no longer lists. */}
                      {(field.value ?? [])
                        .filter((v) => checklist.data && !checklist.data.includes(v))
                        .map((item) => (
                          <Checkbox key={item} value={item} label={item} />
                        ))}
                    </Stack>
                  </Checkbox.Group>
                )}
              />
            )}
          </Section>

          <Section title="Lampiran">
            <AttachmentPicker
              value={attachments.filter((a): a is NonNullable<typeof a> => !!a) as ComplaintData['attachments']}
              onChange={(next) => {
                setMissing((m) => m.filter((name) => !next.some((a) => a.fileName === name)));
                setValue('attachments', next, { shouldDirty: true, shouldValidate: !!errors.attachments });
              }}
              errors={attachmentMessages(errors.attachments)}
              fileErrors={attachmentFileErrors(errors.attachments)}
              missing={missing}
            />
          </Section>

          {Object.keys(errors).length > 0 && (
            <Alert color="red" role="alert" title="Pengaduan belum tersimpan">
              Ada isian yang belum benar. Perbaiki kolom yang bertanda merah, lalu simpan lagi; isian lain tetap ada.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" size="md" loading={isSubmitting || saving} disabled={isSubmitting || saving}>
              Simpan pengaduan
            </Button>
          </Group>
        </Stack>
      </form>
      {duplicates && (
        <DuplicateModal
          candidates={duplicates.candidates}
          saving={saving}
          onNew={() => void save(duplicates.data)}
          onLink={(id) => void save(duplicates.data, id)}
          onCancel={() => setDuplicates(null)}
        />
      )}
    </Page>
  );
}

interface IntakeHistory {
  savedId: number;
}

// The saved panel of a complaint saved earlier in this tab, on coming back to it.
function SavedAgain({ id, onAnother }: { id: number; onAnother(): void }) {
  const complaint = useCall('complaints.get', { id });
  return complaint.data ? <SavedPanel complaint={complaint.data} onAnother={onAnother} /> : <Loading error={complaint.error} retry={complaint.reload} />;
}
