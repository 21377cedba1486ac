import { memo } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';

const numberId = (n: number) => n.toLocaleString('id-ID');

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  // After the count ("1–50 dari 57 pengaduan"); none for a list that says what it holds.
  noun?: string;
  go(offset: number): void;
}

// Where a paged list's page stands in the whole list, and the way to the pages beside it
// (the register, the office's tasks).
export const ListPager = memo(function ListPager({ offset, shown, total, pageSize, noun, go }: Props) {
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + shown, total);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? '0 pengaduan' : `${numberId(from)}–${numberId(to)} dari ${numberId(total)}${noun ? ` ${noun}` : ''}`}
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
});
