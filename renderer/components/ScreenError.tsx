import { Component, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Center, Group, Stack, Text } from '@mantine/core';
import { useRouteError } from 'react-router';

/** Whether the server that served this page answers now (a page's files can be fetched). */
export async function serverAnswers(): Promise<boolean> {
  try {
    return (await fetch('/', { method: 'HEAD', cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

// A page's own files not fetched: the browser's words for it (Chromium, Firefox, Safari)
// and Vite's, for a stylesheet.
const PAGE_FILES_MISSING = /dynamically imported module|error loading dynamically|Importing a module script failed|Unable to preload CSS/i;

// What the user reads when a screen breaks (a fault of the app, or an answer it cannot
// show): the office's words and a way on, never the browser's or React's. What was saved
// is in the core and stays; only what this screen held unsaved may be gone.
function ScreenFailed({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  if (PAGE_FILES_MISSING.test(detail)) return <PageNotFetched />;
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

// The page's files could not be fetched: with the server down, reloading would show the
// browser's error page instead of the app. Tried again once the server answers.
function PageNotFetched() {
  const [still, setStill] = useState(false);
  const [trying, setTrying] = useState(false);
  const retry = async () => {
    setTrying(true);
    if (await serverAnswers()) window.location.reload();
    else setStill(true);
    setTrying(false);
  };
  return (
    <Alert color="orange" title="Halaman ini belum dapat dibuka">
      <Stack gap="sm">
        <Text size="sm">
          Aplikasi tidak dapat menghubungi server Tanggap untuk memuat halaman ini. Periksa jaringan atau pastikan komputer server kantor menyala, lalu klik Coba
          lagi. Data yang sudah tersimpan tidak terpengaruh.
        </Text>
        {still && (
          <Text size="sm" c="red.8" role="alert">
            Server masih belum dapat dihubungi.
          </Text>
        )}
        <Group>
          <Button onClick={() => void retry()} loading={trying}>
            Coba lagi
          </Button>
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
