import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, NumberInput, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ApiCallError, call } from '../../api';
import { EDUCATION_LABEL, EDUCATIONS, GENDER_LABEL, GENDERS, OCCUPATION_LABEL, OCCUPATIONS, SKM_AGE_MAX, SKM_AGE_MIN } from '../../../shared/skm';

// Pieces of the kiosk screen: large touch targets, one decision per tap.

// `compact`: the profile's rows, several on one screen of 768 px with the send button. One
// answer of its radiogroup, so a screen reader says which is chosen (the fill shows it).
export function BigChoice({ label, selected, onClick, compact }: { label: string; selected?: boolean; onClick(): void; compact?: boolean }) {
  return (
    <Button
      role="radio"
      aria-checked={!!selected}
      size="xl"
      h={compact ? 60 : 84}
      fz={compact ? 19 : 22}
      px={compact ? 8 : undefined}
      variant={selected ? 'filled' : 'default'}
      onClick={onClick}
      styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2 } }}
    >
      {label}
    </Button>
  );
}

// A question of the profile, its answers side by side in one row.
function ChoiceRow<K extends string>({ title, keys, labels, value, onChange }: { title: string; keys: readonly K[]; labels: Record<K, string>; value: K | null; onChange(v: K): void }) {
  return (
    <Stack gap={6}>
      <Text fz={20} fw={600}>
        {title}
      </Text>
      <SimpleGrid cols={keys.length} spacing="xs" role="radiogroup" aria-label={title}>
        {keys.map((k) => (
          <BigChoice key={k} label={labels[k]} selected={value === k} onClick={() => onChange(k)} compact />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export interface KioskProfile {
  gender: (typeof GENDERS)[number] | null;
  education: (typeof EDUCATIONS)[number] | null;
  occupation: (typeof OCCUPATIONS)[number] | null;
  age: number | null;
}

// Every answer in one row per question, and the age beside the buttons, so the whole page,
// a message of what is missing and the send button fit a screen of 1366 × 768 (or 1024 ×
// 768) without scrolling.
export function ProfileStep({ profile, onChange, error, actions }: { profile: KioskProfile; onChange(p: KioskProfile): void; error: string | null; actions: ReactNode }) {
  // On a lower screen (1024 × 600) the message pushes the age and the send button below
  // its edge: they are brought back into view with it.
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) bottom.current?.scrollIntoView({ block: 'end' });
  }, [error]);
  return (
    <Stack gap="sm">
      <Title order={2} fz={28}>
        Tentang Anda
      </Title>
      <ChoiceRow title="Jenis kelamin" keys={GENDERS} labels={GENDER_LABEL} value={profile.gender} onChange={(gender) => onChange({ ...profile, gender })} />
      <ChoiceRow title="Pendidikan terakhir" keys={EDUCATIONS} labels={EDUCATION_LABEL} value={profile.education} onChange={(education) => onChange({ ...profile, education })} />
      <ChoiceRow
        title="Pekerjaan (boleh dilewati)"
        keys={OCCUPATIONS}
        labels={OCCUPATION_LABEL}
        value={profile.occupation}
        onChange={(occupation) => onChange({ ...profile, occupation: profile.occupation === occupation ? null : occupation })}
      />
      {error && (
        <Alert color="red" role="alert" py="xs">
          <Text fz={22}>{error}</Text>
        </Alert>
      )}
      <Group ref={bottom} justify="space-between" align="flex-end" wrap="nowrap">
        <NumberInput
          label="Usia (tahun)"
          size="xl"
          w={220}
          min={SKM_AGE_MIN}
          max={SKM_AGE_MAX}
          clampBehavior="none"
          allowDecimal={false}
          value={profile.age ?? ''}
          onChange={(v) => onChange({ ...profile, age: v === '' ? null : Number(v) })}
          // On a touch screen without a keyboard: arrows wide enough for a finger, and an
          // arrow held down counts on, faster the longer it is held, slowly enough to let go at the
          // right age (from 15 to 60 in some four seconds).
          stepHoldDelay={400}
          stepHoldInterval={(n) => Math.max(1000 / n ** 2, 80)}
          rightSectionWidth={56}
          styles={{ label: { fontSize: 20, fontWeight: 600 }, input: { fontSize: 26, height: 60 }, controls: { width: 56 }, control: { width: 56 } }}
          vars={() => ({ controls: { '--ni-chevron-size': '24px' } })}
        />
        {actions}
      </Group>
    </Stack>
  );
}

// An exit box left open (the staff's name in it, a password half typed) closes after this
// long without a key pressed.
const EXIT_IDLE_MS = 60_000;

// Leaving the kiosk: only the Staf who opened it, with their password (checked by the core).
export function KioskExit({ staffName, onExited }: { staffName: string; onExited(): void }) {
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = useCallback(() => (setOpened(false), setPassword(''), setError(null)), []);
  useEffect(() => {
    if (!opened || busy) return;
    const timer = window.setTimeout(close, EXIT_IDLE_MS);
    return () => window.clearTimeout(timer);
  }, [opened, busy, password, close]);
  const submit = async () => {
    setBusy(true);
    try {
      await call('skm.kioskExit', { password });
      close();
      onExited();
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : 'Tidak dapat keluar dari mode kios. Coba lagi.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="subtle" color="gray" size="xs" onClick={() => setOpened(true)}>
        Petugas: keluar mode kios
      </Button>
      <Modal opened={opened} onClose={close} title="Keluar dari mode kios" centered>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            void submit();
          }}
        >
          <Stack>
            <Text size="sm">Masukkan kata sandi {staffName}, petugas yang membuka mode kios ini.</Text>
            <PasswordInput label="Kata sandi petugas" value={password} onChange={(ev) => setPassword(ev.currentTarget.value)} error={error} autoFocus autoComplete="off" />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Batal
              </Button>
              <Button type="submit" loading={busy}>
                Keluar
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
