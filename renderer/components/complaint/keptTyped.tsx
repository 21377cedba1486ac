import { createContext, useContext, useEffect, useRef } from 'react';
import { Alert, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { ApiCallError } from '../../api';
import { showApiError } from '../../lib/feedback';

/** What a user typed into an action the core refused because the complaint moved on. */
export interface Typed {
  label: string;
  text: string;
}

// The complaint page keeps such text above its actions (the action's form goes with the
// step it was for), so it can be copied into what the complaint needs now.
export const KeepTypedContext = createContext<(typed: Typed) => void>(() => {});

/**
 * Refused because the complaint is no longer as this page shows it (another desk acted
 * meanwhile): the refusal is shown, what was typed kept, and the page loaded again, so the
 * next action is taken on what is there now. False for any other error.
 */
export function useRefusedAsStale(onDone: (message: string) => void) {
  const keep = useContext(KeepTypedContext);
  return (err: unknown, title: string, typed?: Typed) => {
    if (!(err instanceof ApiCallError && err.code === 'conflict')) return false;
    showApiError(err, undefined, title);
    if (typed && typed.text.trim() !== '') keep(typed);
    onDone('');
    return true;
  };
}

export function KeptTyped({ kept, onClear }: { kept: Typed[]; onClear(): void }) {
  // The refused form was further down the page: what it held is brought into view.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (kept.length > 0) box.current?.scrollIntoView({ block: 'nearest' });
  }, [kept.length]);
  if (kept.length === 0) return null;
  return (
    // Its title clear of the app's fixed header when scrolled to.
    <Alert ref={box} color="yellow" title="Isian Anda belum tersimpan" role="status" style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 56px) + 8px)' }}>
      <Stack gap="xs">
        <Text size="sm">Pengaduan ini sudah berubah sebelum isian di bawah ini tersimpan. Salin bila masih diperlukan untuk tindakan yang sekarang.</Text>
        {kept.map((k, i) => (
          <Stack key={i} gap={2}>
            <Text size="sm" fw={600}>
              {k.label}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {k.text}
            </Text>
            <CopyButton value={k.text}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" w="fit-content" onClick={copy}>
                  {copied ? 'Tersalin' : 'Salin'}
                </Button>
              )}
            </CopyButton>
          </Stack>
        ))}
        <Group>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={onClear}>
            Buang isian ini
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
