import { useState } from 'react';
import { Button, Card, Divider, Stack, Text, Title } from '@mantine/core';
import { EXITS, EXIT_LABEL, type Exit, type Journey } from '../../../shared/schemas/workflow';
import { EXECUTOR_LABEL } from '../../../shared/standards/schema';
import { AdvanceForm, DisposeForm, ExitModal, FollowUpForm, ResumeForm } from './ActionForms';

interface Props {
  journey: Journey;
  onDone(message: string): void;
}

// What this user may do now: exactly the actions the core lists for them, so the
// buttons and the core's rules cannot disagree.
export function ActionPanel({ journey, onDone }: Props) {
  const [exit, setExit] = useState<Exit | null>(null);
  const has = (a: Journey['actions'][number]) => journey.actions.includes(a);
  const exits = EXITS.filter((e) => has(`exit:${e}`));
  const current = journey.current;
  const id = journey.id;

  return (
    <Card withBorder padding="md">
      <Stack gap="md">
        <Title order={4}>Tindakan</Title>
        {journey.actions.length === 0 && (
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
            {(has('advance') || has('dispose') || has('resume')) && <Divider mb="sm" />}
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
