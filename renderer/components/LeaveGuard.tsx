import { Button, Group, Modal, Text } from '@mantine/core';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useBlocker } from 'react-router';

// A form with unsaved edits is not left without a question: going to another screen of
// the app (a menu item, Back) asks in the page, reloading or closing it asks through the
// browser (in the desktop app, the window asks: main/electron/window.ts). Any number of
// forms on a screen say whether they hold unsaved edits (LeaveGuard); one LeaveGuardHost
// in the app's frame asks for all of them, as a router holds one blocker at a time.

const unsaved = new Set<symbol>();
// Set once the app itself leaves the page on purpose (the SKM kiosk taking this tab):
// reloading then asks nothing.
let leaving = false;
export function leaveWithoutAsking() {
  leaving = true;
}
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((fn) => fn());
const subscribe = (fn: () => void) => {
  listeners.add(fn);
  return () => listeners.delete(fn);
};

/** Whether some form on the screen holds unsaved edits now. */
export const useUnsavedEdits = () => useSyncExternalStore(subscribe, () => unsaved.size > 0);

/** Says, while mounted, whether this form holds unsaved edits. */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const [me] = useState(() => Symbol('form'));
  useEffect(() => {
    if (!dirty) return;
    unsaved.add(me);
    changed();
    return () => {
      unsaved.delete(me);
      changed();
    };
  }, [dirty, me]);
  return null;
}

export function LeaveGuardHost() {
  const dirty = useUnsavedEdits();
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (!leaving) event.preventDefault();
    };
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
