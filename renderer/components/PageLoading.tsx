import { Center, Group, Loader, Text } from '@mantine/core';

// Shown while a page's code arrives (App.tsx loads each page with its route).
export function PageLoading() {
  return (
    <Center py="xl" mih={200}>
      <Group gap="xs">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          Memuat halaman…
        </Text>
      </Group>
    </Center>
  );
}
