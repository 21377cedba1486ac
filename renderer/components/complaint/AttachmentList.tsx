import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { ATTACHMENT_TYPES } from '../../../shared/domain';
import { call } from '../../api';
import { notifyError } from '../../lib/feedback';
import { downloadFile, formatBytes } from '../../lib/files';

export interface AttachmentMeta {
  id: number;
  fileName: string;
  mime: string;
  size: number;
}

// Files kept with a complaint or a follow-up note; each downloads on request.
export function AttachmentList({ items, empty = 'Tidak ada lampiran.' }: { items: AttachmentMeta[]; empty?: string }) {
  const [busy, setBusy] = useState<number | null>(null);
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  const download = async (a: AttachmentMeta) => {
    setBusy(a.id);
    try {
      downloadFile(await call('complaints.attachment', { id: a.id }));
    } catch (err) {
      notifyError(err, 'Lampiran tidak dapat diunduh');
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap={4}>
      {items.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            loading={busy === a.id}
            onClick={() => void download(a)}
            aria-label={`Unduh ${a.fileName}`}
          >
            {a.fileName}
          </Button>
          <Text size="xs" c="dimmed">
            {ATTACHMENT_TYPES[a.mime] ?? 'Berkas'} · {formatBytes(a.size)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
