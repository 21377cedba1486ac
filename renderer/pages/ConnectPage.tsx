import { useState } from 'react';
import { Alert, Anchor, Button, Code, Container, Group, List, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import type * as z from 'zod';
import type { Result } from '../../shared/contract';
import { connectFormSchema, fingerprintGroups, type ProbeResult } from '../../shared/schemas/connect';

// "Sambungkan ke server kantor": a PC without data of its own uses the office server's
// Tanggap. The desktop app's main process looks at the typed address (trusting no CA),
// the user compares the certificate fingerprint with the server's "Server kantor" page,
// and on confirming the app keeps that fingerprint and opens the server in this window.

interface ClientBridge {
  probe(address: string): Promise<unknown>;
  confirm(choice: { url: string; fingerprint: string }): Promise<unknown>;
}

// Only the desktop app's own pages have it (the preload); a browser has none.
function clientBridge(): ClientBridge | null {
  const bridge = window.tanggap as (typeof window.tanggap & { client?: ClientBridge }) | undefined;
  return bridge?.client ?? null;
}

type FormInput = z.input<typeof connectFormSchema>;
type FormData = z.output<typeof connectFormSchema>;

const unexpected = 'Aplikasi tidak dapat memeriksa server. Tutup lalu buka lagi Tanggap, dan coba sekali lagi.';

function BackToSetup() {
  return (
    <Anchor component={Link} to="/" size="sm">
      Kembali ke penyiapan komputer ini
    </Anchor>
  );
}

export function ConnectPage() {
  const bridge = clientBridge();
  return (
    <Container size="md" py="xl">
      <Stack>
        <div>
          <Title order={1} c="teal.8">
            Sambungkan ke server kantor
          </Title>
          <Text c="dimmed">
            Kantor sudah memakai Tanggap di komputer lain yang dijadikan server. Komputer ini lalu bekerja dengan data kantor di server itu,
            sama seperti di komputer server sendiri.
          </Text>
        </div>
        {bridge ? (
          <ConnectSteps bridge={bridge} />
        ) : (
          <Alert color="yellow" title="Hanya di aplikasi desktop Tanggap">
            Menyambung ke server kantor hanya dapat dilakukan di aplikasi desktop Tanggap yang dipasang di komputer ini. Di peramban, buka
            saja alamat server kantor (contoh https://192.168.1.10:8443) yang tampil di halaman Server kantor pada komputer server.
          </Alert>
        )}
        <BackToSetup />
      </Stack>
    </Container>
  );
}

function ConnectSteps({ bridge }: { bridge: ClientBridge }) {
  const form = useForm<FormInput, unknown, FormData>({ resolver: zodResolver(connectFormSchema), defaultValues: { address: '' } });
  const [found, setFound] = useState<ProbeResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const { errors, isSubmitting } = form.formState;

  const probe = form.handleSubmit(async ({ address }) => {
    setFound(null);
    setProblem(null);
    setRefused(false);
    try {
      const result = (await bridge.probe(address)) as Result<ProbeResult>;
      if (result.ok) return setFound(result.value);
      if (result.error.field === 'address') form.setError('address', { type: 'server', message: result.error.message });
      else setProblem(result.error.message);
    } catch {
      setProblem(unexpected);
    }
  });

  const confirm = async (choice: ProbeResult) => {
    setConnecting(true);
    setProblem(null);
    try {
      const result = (await bridge.confirm({ url: choice.url, fingerprint: choice.fingerprint })) as Result<unknown>;
      // On success this window is already on its way to the server's sign-in page.
      if (!result.ok) {
        setProblem(result.error.message);
        setConnecting(false);
      }
    } catch {
      setProblem(unexpected);
      setConnecting(false);
    }
  };

  if (connecting) {
    return (
      <Paper withBorder p="lg">
        <Group>
          <Loader size="sm" aria-label="Menyambung" />
          <Text>Menyambung ke {found?.officeName ?? 'server kantor'}…</Text>
        </Group>
      </Paper>
    );
  }

  return (
    <Stack>
      <Paper withBorder p="lg">
        <form onSubmit={probe} noValidate>
          <Stack>
            <Title order={3}>1. Alamat server</Title>
            <TextInput
              label="Alamat server kantor"
              withAsterisk
              description='Di komputer server, Admin membuka menu "Server kantor": alamatnya tampil di sana, contoh 192.168.1.10:8443.'
              placeholder="192.168.1.10:8443"
              autoFocus
              {...form.register('address')}
              error={errors.address?.message}
            />
            <Group>
              <Button type="submit" loading={isSubmitting}>
                Periksa server
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {problem && (
        <Alert color="red" role="alert" title="Belum tersambung">
          {problem}
        </Alert>
      )}
      {refused && (
        <Alert color="red" role="alert" title="Jangan disambungkan">
          Sidik jari yang tidak sama berarti komputer lain menjawab di alamat itu, atau sertifikat server sudah diganti. Komputer ini tidak
          disambungkan. Tanyakan kepada Admin kantor sebelum mencoba lagi.
        </Alert>
      )}
      {found && (
        <Paper withBorder p="lg">
          <Stack>
            <Title order={3}>2. Cocokkan sidik jari</Title>
            <Text>
              Server Tanggap <b>{found.officeName}</b> ditemukan di <Code>{found.url}</Code>.
            </Text>
            <Text size="sm" fw={500}>
              Sidik jari sertifikat server:
            </Text>
            {/* Laid out as on the server's "Server kantor" page, so the two read alike. */}
            <SimpleGrid cols={4} spacing={4} verticalSpacing={4} aria-label="Sidik jari sertifikat server" data-testid="sidik-jari">
              {fingerprintGroups(found.fingerprint).map((group, i) => (
                <Code key={i} fz="lg" fw={600} ta="center" py={4}>
                  {group}
                </Code>
              ))}
            </SimpleGrid>
            <List type="ordered" size="sm" spacing={4}>
              <List.Item>Di komputer server, masuk sebagai Admin dan buka menu Server kantor.</List.Item>
              <List.Item>Bandingkan kedelapan kelompok di atas satu per satu dengan sidik jari di layar itu.</List.Item>
              <List.Item>Sambungkan hanya bila semuanya sama persis.</List.Item>
            </List>
            <Text size="sm" c="dimmed">
              Komputer ini menyimpan sidik jari ini. Bila kelak server menunjukkan sertifikat lain, Tanggap tidak akan menyambung dan
              memberi tahu Anda.
            </Text>
            <Group>
              <Button onClick={() => void confirm(found)}>Semua sama, sambungkan</Button>
              <Button
                variant="default"
                onClick={() => {
                  setFound(null);
                  setRefused(true);
                }}
              >
                Tidak sama, batalkan
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
