import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { numberId } from '../lib/numbers';

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  // After the count ("1–50 dari 57 pengaduan"); none for a list that says what it holds.
  noun?: string;
  go(offset: number): void;
}

const prevIcon = <IconChevronLeft size={14} />;
const nextIcon = <IconChevronRight size={14} />;

// The two buttons keep their props (one click handler each, reading the latest page from a
// ref), so a page change redraws only the count; a button redraws when it turns on or off.
const PagerButton = memo(function PagerButton({ label, disabled, onClick }: { label: 'Sebelumnya' | 'Berikutnya'; disabled: boolean; onClick(): void }) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={label === 'Sebelumnya' ? prevIcon : undefined}
      rightSection={label === 'Berikutnya' ? nextIcon : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </Button>
  );
});

// Where a paged list's page stands in the whole list, and the way to the pages beside it
// (the register, the office's tasks).
export const ListPager = memo(function ListPager({ offset, shown, total, pageSize, noun, go }: Props) {
  const latest = useRef({ offset, pageSize, go });
  useLayoutEffect(() => {
    latest.current = { offset, pageSize, go };
  });
  const onPrev = useCallback(() => {
    const { offset: at, pageSize: size, go: to } = latest.current;
    to(Math.max(0, at - size));
  }, []);
  const onNext = useCallback(() => {
    const { offset: at, pageSize: size, go: to } = latest.current;
    to(at + size);
  }, []);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + shown, total);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 0 ? '0 pengaduan' : `${numberId(from)}–${numberId(to)} dari ${numberId(total)}${noun ? ` ${noun}` : ''}`}
      </Text>
      <Group gap="xs">
        <PagerButton label="Sebelumnya" disabled={offset === 0} onClick={onPrev} />
        <PagerButton label="Berikutnya" disabled={offset + pageSize >= total} onClick={onNext} />
      </Group>
    </Group>
  );
});
