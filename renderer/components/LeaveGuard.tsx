import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';

// A form with unsaved edits is not left without a question: going to another screen of
// the app (a menu item, Back) asks in the page, reloading or closing it asks through the
// browser (in the desktop app, the window asks: main/electron/window.ts).
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  const stay = () => blocker.reset?.();
  return (
    <Modal opened={blocker.state === 'blocked'} onClose={stay} title="Perubahan belum disimpan" size={480} centered>
      <Text size="sm">Tinggalkan halaman ini? Perubahan yang belum disimpan akan hilang.</Text>
      <Group justify="flex-end" mt="md" wrap="nowrap">
        <Button variant="default" onClick={stay} data-autofocus>
          Tetap di sini
        </Button>
        <Button color="red" variant="light" onClick={() => blocker.proceed?.()}>
          Tinggalkan tanpa menyimpan
        </Button>
      </Group>
    </Modal>
  );
}
