import { useEffect, useRef } from 'react';
import { Alert, Button, Stack, Text, type MantineSpacing } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';

// Shown when a save was refused because someone else saved the same data first. The
// form stays as the user typed it; loading the newer data replaces it.
// `mb`: the space below it where the form around is no Stack.
// It stands at the top of the form: a long form saved from its foot brings it into view.
export function StaleEditAlert({ message, onReload, mb }: { message: string | null; onReload(): void; mb?: MantineSpacing }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) box.current?.scrollIntoView({ block: 'nearest' });
  }, [message]);
  if (!message) return null;
  return (
    <Alert ref={box} color="orange" title="Data sudah diubah" role="alert" mb={mb}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Text size="sm">
          Isian Anda belum tersimpan dan masih ada di formulir ini. Salin bagian yang perlu dipertahankan, lalu muat data terbaru; isian Anda akan
          diganti dengan data yang tersimpan.
        </Text>
        <Button size="xs" variant="light" color="orange" leftSection={<IconRefresh size={14} />} onClick={onReload}>
          Muat ulang data terbaru
        </Button>
      </Stack>
    </Alert>
  );
}
