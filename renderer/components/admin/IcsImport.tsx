import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Select, Stack, Text } from '@mantine/core';
import { ApiCallError, call } from '../../api';
import type { CallOutput } from '../../../shared/contract';
import type { Closure } from '../../../shared/time/workingTime';
import { notifyError } from '../../lib/feedback';
import { CLOSURE_KINDS, CLOSURE_KIND_LABEL } from '../../../shared/schemas/calendar';

interface Props {
  // Importing writes the calendar at once; unsaved edits on the screen would be overwritten.
  blocked: boolean;
  onImported: () => void;
}

type Outcome = CallOutput<'calendar.importIcs'>;
const MAX_BYTES = 1_000_000;

// Holidays from a published calendar file (.ics); dates already listed are skipped.
export function IcsImport({ blocked, onImported }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<Closure['kind']>('libur_nasional');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    if (!file) return setProblem('Pilih berkas iCal (.ics) terlebih dahulu.');
    if (file.size > MAX_BYTES) return setProblem(`Berkas "${file.name}" lebih besar dari 1 MB; pilih berkas kalender yang lebih kecil.`);
    setProblem(null);
    setBusy(true);
    try {
      const text = await file.text();
      const result = await call('calendar.importIcs', { text, kind });
      setOutcome(result);
      setFile(null);
      onImported();
    } catch (err) {
      setOutcome(null);
      if (err instanceof ApiCallError) setProblem(err.message);
      else notifyError(err, 'Berkas iCal belum diimpor');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group align="flex-start" gap="sm">
        <FileInput
          label="Berkas iCal (.ics)"
          placeholder="Pilih berkas…"
          accept=".ics,text/calendar"
          clearable
          w={300}
          value={file}
          onChange={(f) => {
            setFile(f);
            setProblem(null);
          }}
          error={problem}
        />
        <Select
          label="Catat sebagai"
          w={190}
          data={CLOSURE_KINDS.map((k) => ({ value: k, label: CLOSURE_KIND_LABEL[k] }))}
          value={kind}
          onChange={(v) => setKind((v ?? kind) as Closure['kind'])}
          allowDeselect={false}
        />
        <Button mt={25} variant="light" onClick={() => void run()} loading={busy} disabled={blocked}>
          Impor iCal (.ics)
        </Button>
      </Group>
      {blocked && (
        <Text size="sm" c="orange.8">
          Simpan atau batalkan perubahan kalender terlebih dahulu: impor langsung menyimpan kalender.
        </Text>
      )}
      {outcome && (
        <Alert color={outcome.errors.length > 0 ? 'yellow' : 'green'} title="Hasil impor iCal" role="status" withCloseButton onClose={() => setOutcome(null)}>
          <Text size="sm">
            {outcome.added} tanggal ditambahkan, {outcome.skipped} dilewati karena sudah tercantum.
          </Text>
          {outcome.errors.length > 0 && (
            <List size="sm" mt="xs">
              {outcome.errors.map((e) => (
                <List.Item key={e}>{e}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Stack>
  );
}
