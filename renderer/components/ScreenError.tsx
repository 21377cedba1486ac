import { Component, type ReactNode } from 'react';
import { Alert, Box, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useRouteError } from 'react-router';

// What the user reads when a screen breaks (a fault of the app, or an answer it cannot
// show): the office's words and a way on, never the browser's or React's. What was saved
// is in the core and stays; only what this screen held unsaved may be gone.
function ScreenFailed({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title="Layar ini tidak dapat ditampilkan">
      <Stack gap="sm">
        <Text size="sm">
          Aplikasi mengalami kesalahan saat menampilkan layar ini. Data yang sudah tersimpan tidak terpengaruh. Muat ulang halaman; bila terulang, buka halaman lain dari
          menu dan sampaikan keterangan di bawah ini kepada admin kantor.
        </Text>
        <Text size="xs" c="dimmed">
          Keterangan teknis: {detail}
        </Text>
        <Group>
          <Button onClick={() => window.location.reload()}>Muat ulang halaman</Button>
        </Group>
      </Stack>
    </Alert>
  );
}

// The router's last resort, when the app's frame itself breaks: the whole window.
export function RouteErrorScreen() {
  const error = useRouteError();
  return (
    <Center h="100vh" p="md">
      <Box maw={560}>
        <ScreenFailed error={error} />
      </Box>
    </Center>
  );
}

interface BoundaryProps {
  children: ReactNode;
  // The page's address: going to another page shows it afresh.
  resetKey: string;
}

interface BoundaryState {
  failed: { error: unknown } | null;
  key: string;
}

// Around the page inside the app's frame: the menu stays, so the user can go on elsewhere.
export class PageErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown) {
    return { failed: { error } };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState) {
    return props.resetKey !== state.key ? { failed: null, key: props.resetKey } : null;
  }

  override render() {
    const { failed } = this.state;
    return failed ? <ScreenFailed error={failed.error} /> : this.props.children;
  }
}
