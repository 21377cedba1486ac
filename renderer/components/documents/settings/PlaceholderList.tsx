import { Button, Stack, Text } from '@mantine/core';
import { PLACEHOLDERS, type Placeholder } from '../../../../shared/schemas/documents';

const NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

// The {isian} a template may use; a click puts one where the cursor was.
export function PlaceholderList({ onPick, target }: { onPick: (name: Placeholder) => void; target: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Isian otomatis
      </Text>
      <Text size="xs" c="dimmed">
        Klik untuk menyisipkan ke {target}, di posisi kursor. Saat surat disusun, isian diganti data pengaduan.
      </Text>
      {NAMES.map((name) => (
        <Stack key={name} gap={0}>
          <Button
            variant="light"
            size="compact-xs"
            ff="monospace"
            w="fit-content"
            // Keeps the cursor in the box being written, so the isian lands where it was.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(name)}
            aria-label={`Sisipkan {${name}}: ${PLACEHOLDERS[name]}`}
          >
            {`{${name}}`}
          </Button>
          <Text size="xs" c="dimmed" pl={4}>
            {PLACEHOLDERS[name]}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
