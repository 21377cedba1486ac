import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { ApiCallError, call } from '../../api';
import { notifyError, notifySuccess } from '../../lib/feedback';
import { EDUCATION_LABEL, EDUCATIONS, GENDER_LABEL, GENDERS, OCCUPATION_LABEL, OCCUPATIONS, SKM_AGE_MAX, SKM_AGE_MIN, SKM_ELEMENT_TEXT, SKM_ELEMENTS, type SkmElement } from '../../../shared/skm';
import { skmSubmitInputSchema } from '../../../shared/schemas/skm';
import { useDates } from '../../lib/session';
import { DateText } from '../admin/DateText';
import { focusFirstError } from '../../lib/focusFirstError';

interface Props {
  opened: boolean;
  onClose(): void;
  onSaved(): void;
  /** Opened from a complaint: the questionnaire is that complaint's. */
  forRegisterNo?: string;
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

// The Staf types in a paper questionnaire (or asks the reporter at the desk), optionally
// for one complaint by its register number.
export function SkmEntryForm({ opened, onClose, onSaved, forRegisterNo }: Props) {
  const [answers, setAnswers] = useState<Partial<Record<SkmElement, number>>>({});
  const [gender, setGender] = useState<string | null>(null);
  const [education, setEducation] = useState<string | null>(null);
  const [occupation, setOccupation] = useState<string | null>(null);
  const [age, setAge] = useState<number | string>('');
  const [registerNo, setRegisterNo] = useState(forRegisterNo ?? '');
  // Today, unless a paper questionnaire was filled in on an earlier day.
  const { tz, today } = useDates();
  const [filledOn, setFilledOn] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  // Asking whether to drop what was typed, after Esc, the close button or Batal.
  const [leaving, setLeaving] = useState(false);
  const stayRef = useRef<HTMLButtonElement>(null);
  const typed =
    Object.keys(answers).length > 0 || gender !== null || education !== null || occupation !== null || age !== '' || registerNo !== (forRegisterNo ?? '') || filledOn !== today();

  // The question stands where it is seen, at the end of a long form, with "Lanjut mengisi" at hand.
  useEffect(() => {
    if (!leaving) return;
    stayRef.current?.scrollIntoView({ block: 'nearest' });
    stayRef.current?.focus();
  }, [leaving]);

  const reset = () => {
    setAnswers({});
    setGender(null);
    setEducation(null);
    setOccupation(null);
    setAge('');
    setRegisterNo(forRegisterNo ?? '');
    setFilledOn(today());
    setErrors({});
    setLeaving(false);
  };

  // A field's refusal goes once the field is changed.
  const edited = (field: string) => setErrors(({ [field]: _, ...rest }) => rest);

  const save = async () => {
    const input = { answers, profile: { gender, education, occupation, age: age === '' ? undefined : Number(age) }, registerNo, filledOn };
    const parsed = skmSubmitInputSchema.safeParse(input);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) found[issue.path.join('.')] ??= issue.message;
      setErrors(found);
      // The first question or field left wrong comes into view, as the app's other forms do.
      focusFirstError({});
      return;
    }
    setSaving(true);
    try {
      await call('skm.submit', parsed.data);
      notifySuccess('Kuesioner survei kepuasan tersimpan.');
      reset();
      onSaved();
    } catch (err) {
      // A refusal about a field stands under that field only.
      if (err instanceof ApiCallError && err.field) setErrors({ [err.field]: err.message });
      else notifyError(err, 'Kuesioner belum tersimpan');
    } finally {
      setSaving(false);
    }
  };

  // Closing drops what was entered, so the next respondent starts blank; answers typed from
  // a paper questionnaire are dropped only once the officer says so (as the draft editor asks).
  const discard = () => {
    reset();
    onClose();
  };
  const cancel = () => {
    if (saving) return;
    if (typed) setLeaving(true);
    else discard();
  };

  return (
    <Modal opened={opened} onClose={cancel} title="Isi kuesioner survei kepuasan" size="xl" closeOnClickOutside={false}>
      <Stack>
        {SKM_ELEMENTS.map((e, i) => (
          <Radio.Group
            key={e}
            label={`${i + 1}. ${SKM_ELEMENT_TEXT[e].question}`}
            description={`Unsur ${e.toUpperCase()}: ${SKM_ELEMENT_TEXT[e].name}`}
            value={answers[e] ? String(answers[e]) : null}
            onChange={(v) => {
              setAnswers((a) => ({ ...a, [e]: Number(v) }));
              edited(`answers.${e}`);
            }}
            error={errors[`answers.${e}`]}
          >
            <Group mt={4} gap="lg">
              {SKM_ELEMENT_TEXT[e].answers.map((label, j) => (
                <Radio key={label} value={String(j + 1)} label={label} aria-invalid={errors[`answers.${e}`] ? true : undefined} />
              ))}
            </Group>
          </Radio.Group>
        ))}
        <Text fw={600}>Profil responden</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Jenis kelamin" data={options(GENDERS, GENDER_LABEL)} value={gender} onChange={(v) => (setGender(v), edited('profile.gender'))} error={errors['profile.gender']} />
          <NumberInput label="Usia (tahun)" value={age} onChange={(v) => (setAge(v), edited('profile.age'))} min={SKM_AGE_MIN} max={SKM_AGE_MAX} clampBehavior="none" allowDecimal={false} error={errors['profile.age']} />
          <Select label="Pendidikan terakhir" data={options(EDUCATIONS, EDUCATION_LABEL)} value={education} onChange={(v) => (setEducation(v), edited('profile.education'))} error={errors['profile.education']} />
          <Select label="Pekerjaan (boleh kosong)" data={options(OCCUPATIONS, OCCUPATION_LABEL)} value={occupation} onChange={(v) => (setOccupation(v), edited('profile.occupation'))} clearable error={errors['profile.occupation']} />
        </SimpleGrid>
        <TextInput
          label="Nomor register pengaduan (bila survei untuk satu pengaduan)"
          description={forRegisterNo ? 'Kuesioner ini untuk pengaduan yang sedang dibuka.' : 'Satu pengaduan satu survei. Kosongkan untuk layanan lain.'}
          readOnly={forRegisterNo !== undefined}
          value={registerNo}
          onChange={(ev) => {
            setRegisterNo(ev.currentTarget.value);
            edited('registerNo');
          }}
          error={errors.registerNo}
        />
        <DateText
          label="Tanggal pengisian kuesioner"
          tz={tz}
          value={filledOn}
          onChange={(v) => {
            setFilledOn(v);
            edited('filledOn');
          }}
          error={errors.filledOn}
          w={320}
        />
        <Text size="xs" c="dimmed" mt={-8}>
          Untuk kuesioner kertas yang diisi pada hari sebelumnya: IKM menghitungnya pada bulan tanggal itu.
        </Text>
        {leaving ? (
          <Alert color="yellow" title="Kuesioner belum disimpan">
            <Group justify="space-between">
              <Text size="sm">Tutup tanpa menyimpan? Jawaban yang sudah diisi akan hilang.</Text>
              <Group gap="xs">
                <Button ref={stayRef} variant="default" onClick={() => setLeaving(false)}>
                  Lanjut mengisi
                </Button>
                <Button color="red" variant="light" onClick={discard}>
                  Buang isian
                </Button>
              </Group>
            </Group>
          </Alert>
        ) : (
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              Batal
            </Button>
            <Button loading={saving} onClick={() => void save()}>
              Simpan kuesioner
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
