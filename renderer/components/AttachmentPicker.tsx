import { useId, useRef, useState } from 'react';
import { ActionIcon, Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_COUNT, ATTACHMENT_TYPES } from '../../shared/domain';
import type { AttachmentUpload } from '../../shared/schemas/complaint';
import { attachmentProblem, formatBytes, readAsBase64 } from '../lib/files';

interface Props {
  value: AttachmentUpload[];
  onChange(next: AttachmentUpload[]): void;
  // Messages the form or the core gave about the attachments (see attachmentMessages).
  errors: string[];
  // The message about each file by its place in `value` (see attachmentFileErrors): that file
  // is marked in the list with it, rather than said apart from the list.
  fileErrors?: (string | undefined)[];
  // Files a restored draft had, which must be picked again.
  missing?: string[];
  // Said above the button, e.g. that attachments are optional here.
  label?: string;
}

const ACCEPT = Object.keys(ATTACHMENT_TYPES).join(',');

// Decoded size of a base64 body, so the list shows what will be stored.
const decodedSize = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

// The messages about one file: the core's refusal of it (a field `attachments.<i>`) and the
// form's about its name, type or content.
function fileMessages(item: unknown): string[] {
  if (!item || typeof item !== 'object') return [];
  const out: string[] = [];
  const own = (item as { message?: unknown }).message;
  if (typeof own === 'string') out.push(own);
  for (const f of ['fileName', 'mime', 'dataBase64'] as const) {
    const m = (item as Record<string, { message?: unknown } | undefined>)[f]?.message;
    if (typeof m === 'string') out.push(m);
  }
  return out;
}

// Every message a react-hook-form `errors.attachments` holds: the list's own and each file's.
export function attachmentMessages(e: unknown): string[] {
  if (!e || typeof e !== 'object') return [];
  const out: string[] = [];
  const own = (e as { message?: unknown; root?: { message?: unknown } }).message ?? (e as { root?: { message?: unknown } }).root?.message;
  if (typeof own === 'string') out.push(own);
  if (Array.isArray(e)) for (const item of e as unknown[]) out.push(...fileMessages(item));
  return [...new Set(out)];
}

// The first message about each file of a react-hook-form `errors.attachments`, by its place.
export function attachmentFileErrors(e: unknown): (string | undefined)[] {
  return Array.isArray(e) ? Array.from(e as unknown[], (item) => fileMessages(item)[0]) : [];
}

// The one picker for every form that takes attachments (intake, tindak lanjut): it checks each
// file against the core's limits as it is picked, keeps the good ones and says why the others were left out.
export function AttachmentPicker({ value, onChange, errors, fileErrors = [], missing = [], label }: Props) {
  const [problems, setProblems] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const resetRef = useRef<() => void>(null);
  const listId = useId();

  const add = async (files: File[]) => {
    resetRef.current?.();
    const found: string[] = [];
    const next = [...value];
    setReading(true);
    try {
      for (const file of files) {
        const problem = attachmentProblem(file);
        if (problem) {
          found.push(problem);
          continue;
        }
        if (next.length >= ATTACHMENT_MAX_COUNT) {
          found.push(`Lampiran paling banyak ${ATTACHMENT_MAX_COUNT} berkas; "${file.name}" tidak ditambahkan. Hapus lampiran lain dulu bila perlu.`);
          continue;
        }
        try {
          next.push({ fileName: file.name, mime: file.type, dataBase64: await readAsBase64(file) });
        } catch (err) {
          found.push(err instanceof Error ? err.message : `Berkas "${file.name}" tidak dapat dibaca.`);
        }
      }
    } finally {
      setReading(false);
    }
    setProblems(found);
    onChange(next);
  };

  const remove = (index: number) => {
    setProblems([]);
    onChange(value.filter((_, i) => i !== index));
  };

  // A file's own message stands at that file; the rest below the list.
  const atFiles = new Set(value.map((_, i) => fileErrors[i]).filter((m): m is string => !!m));
  const shown = [...new Set([...problems, ...errors])].filter((m) => !atFiles.has(m));
  return (
    <Stack gap="xs">
      {label && (
        <Text size="sm" fw={500}>
          {label}
        </Text>
      )}
      <Group gap="sm">
        <FileButton onChange={(files) => void add(files)} accept={ACCEPT} multiple resetRef={resetRef}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconPaperclip size={16} />} loading={reading} disabled={value.length >= ATTACHMENT_MAX_COUNT}>
              Tambah lampiran
            </Button>
          )}
        </FileButton>
        <Text size="sm" c="dimmed">
          Foto (JPG, PNG, WEBP) atau PDF, paling banyak {ATTACHMENT_MAX_COUNT} berkas, masing-masing maksimal {ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.
        </Text>
      </Group>
      {missing.length > 0 && (
        <Text size="sm" c="orange.8">
          Lampiran tidak ikut tersimpan di draf; pilih ulang: {missing.join(', ')}.
        </Text>
      )}
      {value.length > 0 && (
        <List spacing={4} listStyleType="none" aria-label="Daftar lampiran">
          {value.map((a, i) => {
            const refused = fileErrors[i];
            const messageId = `${listId}-${i}`;
            return (
              <List.Item key={`${a.fileName}-${i}`} data-invalid={refused ? 'true' : undefined}>
                <Group gap="xs" wrap="nowrap">
                  {refused && <IconAlertCircle size={16} color="var(--mantine-color-red-8)" aria-hidden style={{ flexShrink: 0 }} />}
                  <Text size="sm" c={refused ? 'red.8' : undefined} fw={refused ? 600 : undefined} style={{ overflowWrap: 'anywhere' }}>
                    {a.fileName}
                  </Text>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {ATTACHMENT_TYPES[a.mime] ?? a.mime} · {formatBytes(decodedSize(a.dataBase64))}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Hapus lampiran ${a.fileName}`}
                    aria-describedby={refused ? messageId : undefined}
                    onClick={() => remove(i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                {refused && (
                  <Text id={messageId} size="sm" c="red.8" role="alert">
                    {refused} Hapus berkas ini, lalu pilih berkas yang benar.
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
      {shown.length > 0 && (
        <Alert color="red" p="xs" role="alert">
          <Stack gap={2}>
            {shown.map((m) => (
              <Text size="sm" key={m}>
                {m}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
