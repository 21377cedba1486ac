import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Center, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ApiCallError, call } from '../api';
import { SKM_ELEMENT_TEXT, SKM_ELEMENTS, type SkmElement } from '../../shared/skm';
import { skmKioskInputSchema } from '../../shared/schemas/skm';
import { BigChoice, KioskExit, ProfileStep, type KioskProfile } from '../components/skm/KioskParts';
import { forgetKioskTab } from '../lib/kioskTab';
import { useCall } from '../lib/useCall';

// The SKM kiosk on the office PC: the questionnaire and nothing else (no menu, no data of
// any complaint). One question per screen, then the profile, then "Terima kasih", and the
// screen starts over for the next person. The page holds only the kiosk token, which
// the core accepts for submitting and for the Staf's exit.

const THANKS_MS = 6_000;
// Someone walked away halfway: the next person starts from the first question.
const IDLE_MS = 120_000;
// While the first question waits for someone, whether the kiosk still runs (it ends after
// as long as a session lasts, or when someone signs in in the same browser) is asked this
// often, and again at each start over and at a first answer, so that nobody answers a
// questionnaire the core would refuse at the end.
const STATE_CHECK_MS = 60_000;
const NO_PROFILE: KioskProfile = { gender: null, education: null, occupation: null, age: null };

export function KioskPage({ onExit }: { onExit(): void }) {
  const state = useCall('skm.kioskState', {});
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Partial<Record<SkmElement, number>>>({});
  const [profile, setProfile] = useState<KioskProfile>(NO_PROFILE);
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [touched, setTouched] = useState(0);
  const { reloadQuietly: checkState } = state;
  const ended = state.data?.active === false;

  const restart = useCallback(() => {
    setStep(0);
    setAnswers({});
    setProfile(NO_PROFILE);
    setThanks(false);
    setError(null);
    checkState();
  }, [checkState]);

  useEffect(() => {
    document.title = 'Survei Kepuasan Masyarakat';
  }, []);
  useEffect(() => {
    if (thanks) {
      const timer = window.setTimeout(restart, THANKS_MS);
      return () => window.clearTimeout(timer);
    }
    if (step === 0 && Object.keys(answers).length === 0) {
      if (ended) return;
      const timer = window.setInterval(checkState, STATE_CHECK_MS);
      return () => window.clearInterval(timer);
    }
    const timer = window.setTimeout(restart, IDLE_MS);
    return () => window.clearTimeout(timer);
  }, [thanks, step, answers, touched, restart, checkState, ended]);

  const answer = (e: SkmElement, score: number) => {
    // Someone begins: asked once more, so an end since the last check shows at once.
    if (Object.keys(answers).length === 0) checkState();
    setAnswers((a) => ({ ...a, [e]: score }));
    setStep((s) => s + 1);
  };

  const send = async () => {
    const parsed = skmKioskInputSchema.safeParse({ answers, profile: { ...profile, age: profile.age ?? undefined } });
    // Every missing answer at once, not one per tap.
    if (!parsed.success) return setError([...new Set(parsed.error.issues.map((i) => i.message))].join(' '));
    setSending(true);
    try {
      await call('skm.kioskSubmit', parsed.data);
      setThanks(true);
    } catch (err) {
      setError(err instanceof ApiCallError ? err.message : 'Jawaban belum terkirim. Coba lagi.');
      // The kiosk has ended meanwhile: its screen says so.
      if (err instanceof ApiCallError && err.code === 'forbidden') checkState();
    } finally {
      setSending(false);
    }
  };

  if (ended) {
    return (
      <Center h="100vh">
        <Stack maw={520}>
          <Alert color="yellow" title="Mode kios sudah berakhir">
            Minta petugas masuk ke Tanggap lalu membuka mode kios lagi.
          </Alert>
          <Button onClick={onExit}>Ke halaman masuk</Button>
        </Stack>
      </Center>
    );
  }

  const element = SKM_ELEMENTS[step];
  return (
    // Any tap or key restarts the wait for someone who walked away.
    <Box mih="100vh" bg="gray.0" p="lg" onPointerDown={() => setTouched((n) => n + 1)} onKeyDown={() => setTouched((n) => n + 1)}>
      <Stack maw={1000} mx="auto" gap="lg">
        <Group justify="space-between">
          <div>
            <Text fz={20} c="teal.8" fw={700}>
              Survei Kepuasan Masyarakat
            </Text>
            <Text fz={18} c="dimmed">
              {state.data?.officeName}
            </Text>
          </div>
          {!thanks && <Text fz={18}>{element ? `Pertanyaan ${step + 1} dari ${SKM_ELEMENTS.length}` : 'Langkah terakhir'}</Text>}
        </Group>
        {!thanks && <Progress value={(step / (SKM_ELEMENTS.length + 1)) * 100} size="lg" aria-label="Kemajuan kuesioner" />}

        {thanks ? (
          <Center mih="50vh">
            <Stack align="center">
              <Title order={1} fz={56} c="teal.8">
                Terima kasih
              </Title>
              <Text fz={24} ta="center">
                Penilaian Anda membantu kami memperbaiki pelayanan.
              </Text>
            </Stack>
          </Center>
        ) : element ? (
          <Stack gap="lg">
            {step === 0 && (
              <Text fz={22} c="dimmed">
                Bantu kami memperbaiki pelayanan: pilih satu jawaban untuk tiap pertanyaan. Ada {SKM_ELEMENTS.length} pertanyaan, sekitar dua menit, tanpa
                menyebut nama.
              </Text>
            )}
            <Title order={2} fz={32} lh={1.3}>
              {SKM_ELEMENT_TEXT[element].question}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} role="radiogroup" aria-label={SKM_ELEMENT_TEXT[element].name}>
              {SKM_ELEMENT_TEXT[element].answers.map((label, i) => (
                <BigChoice key={label} label={label} selected={answers[element] === i + 1} onClick={() => answer(element, i + 1)} />
              ))}
            </SimpleGrid>
            {step > 0 && (
              <Group>
                <Button size="lg" variant="subtle" onClick={() => setStep(step - 1)}>
                  ← Pertanyaan sebelumnya
                </Button>
              </Group>
            )}
          </Stack>
        ) : (
          <ProfileStep
            profile={profile}
            onChange={(p) => (setProfile(p), setError(null))}
            error={error}
            actions={
              <Group wrap="nowrap">
                <Button size="lg" variant="subtle" onClick={() => setStep(step - 1)}>
                  ← Pertanyaan sebelumnya
                </Button>
                <Button size="xl" h={84} fz={26} px={48} loading={sending} onClick={() => void send()}>
                  Kirim penilaian
                </Button>
              </Group>
            }
          />
        )}

        <Group justify="flex-end">
          <KioskExit
            staffName={state.data?.staffName ?? 'petugas'}
            onExited={() => {
              forgetKioskTab();
              onExit();
            }}
          />
        </Group>
      </Stack>
    </Box>
  );
}
