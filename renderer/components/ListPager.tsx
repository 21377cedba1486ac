import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { numberId } from '../../shared/text/numbers';

interface Props {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  // After the count ("1–50 dari 57 pengaduan"); none for a list that says what it holds.
  noun?: string;
  go(offset: number): void;
  // Called with a button's page when the pointer or the focus comes to it, so the list can
  // ask for that page before the click.
  ahead?(offset: number): void;
}

interface Place {
  offset: number;
  pageSize: number;
}
const before = ({ offset, pageSize }: Place) => Math.max(0, offset - pageSize);
const after = ({ offset, pageSize }: Place) => offset + pageSize;

const prevIcon = <IconChevronLeft size={14} />;
const nextIcon = <IconChevronRight size={14} />;

// The two buttons keep their props (one click handler each, reading the latest page from a
// ref), so a page change redraws only the count; a button redraws when it turns on or off.
const PagerButton = memo(function PagerButton({ label, disabled, onClick, onWarm }: { label: 'Sebelumnya' | 'Berikutnya'; disabled: boolean; onClick(): void; onWarm(): void }) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={label === 'Sebelumnya' ? prevIcon : undefined}
      rightSection={label === 'Berikutnya' ? nextIcon : undefined}
      disabled={disabled}
      onClick={onClick}
      onPointerEnter={disabled ? undefined : onWarm}
      onFocus={disabled ? undefined : onWarm}
    >
      {label}
    </Button>
  );
});

// Where a paged list's page stands in the whole list, and the way to the pages beside it
// (the register, the office's tasks).
export const ListPager = memo(function ListPager({ offset, shown, total, pageSize, noun, go, ahead }: Props) {
  const latest = useRef({ offset, pageSize, go, ahead });
  useLayoutEffect(() => {
    latest.current = { offset, pageSize, go, ahead };
  });
  const onPrev = useCallback(() => latest.current.go(before(latest.current)), []);
  const onNext = useCallback(() => latest.current.go(after(latest.current)), []);
  const warmPrev = useCallback(() => latest.current.ahead?.(before(latest.current)), []);
  const warmNext = useCallback(() => latest.current.ahead?.(after(latest.current)), []);
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + shown, total);
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite" data-live>
        {total === 0 ? '0 pengaduan' : `${numberId(from)}–${numberId(to)} dari ${numberId(total)}${noun ? ` ${noun}` : ''}`}
      </Text>
      <Group gap="xs">
        <PagerButton label="Sebelumnya" disabled={offset === 0} onClick={onPrev} onWarm={warmPrev} />
        <PagerButton label="Berikutnya" disabled={offset + pageSize >= total} onClick={onNext} onWarm={warmNext} />
      </Group>
    </Group>
  );
});
