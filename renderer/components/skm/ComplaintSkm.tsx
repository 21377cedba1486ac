import { useEffect, useRef, useState } from 'react';
import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { isFinished } from '../../../shared/domain';
import type { Journey } from '../../../shared/schemas/workflow';
import { useDates, useSession } from '../../lib/session';
import { SkmEntryForm } from './SkmEntryForm';

// The SKM questionnaire of a finished complaint: whether it was filled in, and for the
// Staf the questionnaire itself, tied to this complaint (one per complaint).
export function ComplaintSkm({ journey, registerNo, onSaved }: { journey: Journey; registerNo: string; onSaved(): void }) {
  const { user } = useSession();
  const { date } = useDates();
  const [open, setOpen] = useState(false);
  // Finished on this page (the delivery just recorded, the reporter still at the counter):
  // the questionnaire is brought into view, as the form that did it may have been below.
  const finished = isFinished(journey);
  const wasFinished = useRef(finished);
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    if (finished && !wasFinished.current && user.role === 'staf') box.current?.scrollIntoView({ block: 'nearest' });
    wasFinished.current = finished;
  }, [finished, user.role]);
  if (!finished) return null;
  return (
    <Card ref={box} withBorder padding="md" component="section" aria-labelledby="skm-pengaduan">
      <Stack gap="xs">
        <Title order={4} id="skm-pengaduan">
          Survei kepuasan (SKM)
        </Title>
        {journey.skmAt ? (
          <Text size="sm">Kuesioner diisi {date(journey.skmAt)}.</Text>
        ) : (
          <Text size="sm" c="dimmed">
            {user.role === 'staf' ? 'Belum ada kuesioner untuk pengaduan ini. Bila pelapor bersedia, isikan jawabannya di sini; bila ia sudah mengisinya di kios, jangan diisikan lagi (jawaban di kios tidak tercatat pada pengaduan, dan akan terhitung dua kali).' : 'Belum ada kuesioner untuk pengaduan ini.'}
          </Text>
        )}
        {user.role === 'staf' && !journey.skmAt && (
          <>
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setOpen(true)}>
              Isi kuesioner
            </Button>
            <SkmEntryForm
              opened={open}
              onClose={() => setOpen(false)}
              onSaved={() => {
                setOpen(false);
                onSaved();
              }}
              forRegisterNo={registerNo}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
