import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

const numberId = (n: number) => n.toLocaleString('id-ID');

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  go(offset: number): void;
}

// Where the office list's page stands in the whole list, and the way to the pages beside it.
export function OfficePager({ offset, shown, total, pageSize, go }: Props) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + shown, total);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? '0 pengaduan' : `${numberId(from)}–${numberId(to)} dari ${numberId(total)} pengaduan`}
      </Text>
      <Group gap="xs">
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={offset === 0} onClick={() => go(Math.max(0, offset - pageSize))}>
          Sebelumnya
        </Button>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={offset + pageSize >= total} onClick={() => go(offset + pageSize)}>
          Berikutnya
        </Button>
      </Group>
    </Group>
  );
}
