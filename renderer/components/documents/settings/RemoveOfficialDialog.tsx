import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { call } from '../../../api';
import type { ActingOfficial } from '../../../../shared/schemas/documents';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { useDates, useSession } from '../../../lib/session';
import { actingTitle } from './acting';

interface Props {
  official: ActingOfficial | null;
  onClose: () => void;
  onRemoved: (list: ActingOfficial[]) => void;
}

export function RemoveOfficialDialog({ official, onClose, onRemoved }: Props) {
  const { date } = useDates();
  const { office } = useSession();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    if (!official) return;
    setBusy(true);
    try {
      const list = await call('officials.remove', { id: official.id });
      notifySuccess(`Penunjukan ${official.name} sudah dihapus.`);
      onRemoved(list);
    } catch (err) {
      notifyError(err, 'Penunjukan belum dihapus');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={official !== null} onClose={onClose} title="Hapus penunjukan pejabat?">
      {official && (
        <Stack>
          <Text size="sm">
            <b>{official.name}</b> tidak lagi tercatat sebagai {actingTitle(official.kind, office.headTitle)} untuk {date(official.from)} sampai {date(official.to)}.
          </Text>
          <Text size="sm" c="dimmed">
            Dokumen yang sudah ditandatangani tidak berubah. Dokumen yang ditandatangani sesudah ini memakai pejabat yang berlaku pada saat itu.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Batal
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>
              Hapus penunjukan
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
