import { useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { Alert, Button, Center, Group, Loader, Stack, Title, Text } from '@mantine/core';
import { serverReach, type ApiCallError } from '../api';
import { LeaveGuard } from './LeaveGuard';

interface Props {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

// Every screen: a title, its actions on the right, then the content.
export function Page({ title, subtitle, actions, children }: Props) {
  // The browser tab and the taskbar name the screen, not only the app.
  useEffect(() => {
    document.title = `${title} · Tanggap`;
  }, [title]);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" className="no-print">
        <div>
          <Title order={2}>{title}</Title>
          {subtitle && (
            <Text c="dimmed" size="sm">
              {subtitle}
            </Text>
          )}
        </div>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Stack>
  );
}

// What a screen shows while its data loads, or when loading failed.
// Refusals that another try will not change (not allowed, not there): no "Coba lagi".
const LASTING = new Set(['forbidden', 'not_found']);

export function Loading({ error, retry }: { error?: ApiCallError | null; retry?: () => void }) {
  // Once the server answers again (the header's mark goes), a failed read is asked again by itself.
  const reachable = useSyncExternalStore(serverReach.subscribe, serverReach.get);
  const wasReachable = useRef(reachable);
  const again = error && retry && !LASTING.has(error.code) ? retry : null;
  useEffect(() => {
    if (reachable && !wasReachable.current) again?.();
    wasReachable.current = reachable;
  }, [reachable, again]);
  if (error) {
    const lasting = LASTING.has(error.code);
    return (
      <Alert color="red" title={lasting ? 'Tidak dapat dibuka' : 'Data tidak dapat dimuat'}>
        <Stack gap="xs" align="flex-start">
          <span>{error.message}</span>
          {retry && !lasting && (
            <Button size="xs" variant="light" onClick={retry}>
              Coba lagi
            </Button>
          )}
        </Stack>
      </Alert>
    );
  }
  return (
    <Center p="xl">
      <Loader aria-label="Memuat" />
    </Center>
  );
}

interface FormActionsProps {
  formId: string;
  saveLabel: string;
  dirty: boolean;
  submitting: boolean;
  onReset(): void;
}

// The top-right buttons of a settings form that is longer than a screen; its unsaved
// edits are not left without a question.
export function FormActions({ formId, saveLabel, dirty, submitting, onReset }: FormActionsProps) {
  return (
    <Group gap="xs">
      <LeaveGuard dirty={dirty} />
      <Button variant="default" disabled={!dirty || submitting} onClick={onReset}>
        Batalkan perubahan
      </Button>
      <Button type="submit" form={formId} loading={submitting}>
        {saveLabel}
      </Button>
    </Group>
  );
}
