import { useEffect, useRef, type ReactNode } from 'react';
import { AppShell, Badge, Group, NavLink, Text, Button, Menu, Box } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { ROLE_LABEL, type Role } from '../../shared/domain';
import { useSession } from '../lib/session';
import { useCall } from '../lib/useCall';
import { DOCUMENTS_CHANGED } from './complaint/DocumentForms';

interface Item {
  to: string;
  label: string;
  roles: readonly Role[];
}

const SIGNATURE_QUEUE = '/tanda-tangan';
const SIGNERS: readonly Role[] = ['sekcam', 'camat'];

const ITEMS: Item[] = [
  { to: '/tugas', label: 'Tugas saya', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: SIGNATURE_QUEUE, label: 'Menunggu tanda tangan', roles: SIGNERS },
  { to: '/pengaduan/baru', label: 'Catat pengaduan', roles: ['staf'] },
  { to: '/register', label: 'Buku register', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: '/lembar-disposisi-kosong', label: 'Lembar disposisi kosong', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: '/periksa', label: 'Periksa dokumen', roles: ['staf', 'kasi', 'sekcam', 'camat', 'admin'] },
  { to: '/admin/pengguna', label: 'Pengguna', roles: ['admin'] },
  { to: '/admin/kantor', label: 'Profil kantor', roles: ['admin'] },
  { to: '/admin/standar', label: 'Standar pelayanan', roles: ['admin'] },
  { to: '/admin/kalender', label: 'Kalender kerja', roles: ['admin'] },
  { to: '/admin/dokumen', label: 'Pengaturan dokumen', roles: ['admin'] },
  { to: '/admin/pejabat', label: 'Pejabat Plt./Plh.', roles: ['admin'] },
  { to: '/admin/audit', label: 'Jejak audit', roles: ['admin', 'camat'] },
  { to: '/admin/cadangan', label: 'Cadangan data', roles: ['admin'] },
];

// How many documents wait for the signer, read again whenever the user moves to another screen.
function useSignatureCount(): number {
  const { user } = useSession();
  const location = useLocation();
  const signer = SIGNERS.includes(user.role);
  const queue = useCall('documents.signatureQueue', {}, signer);
  const { reload } = queue;
  const shown = useRef(location.pathname);
  useEffect(() => {
    if (shown.current === location.pathname) return;
    shown.current = location.pathname;
    if (signer) reload();
  }, [signer, reload, location.pathname]);
  useEffect(() => {
    if (!signer) return;
    window.addEventListener(DOCUMENTS_CHANGED, reload);
    window.addEventListener('focus', reload);
    return () => {
      window.removeEventListener(DOCUMENTS_CHANGED, reload);
      window.removeEventListener('focus', reload);
    };
  }, [signer, reload]);
  return signer ? (queue.data?.length ?? 0) : 0;
}

export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const location = useLocation();
  const waiting = useSignatureCount();
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Text fw={700} c="teal.8" size="lg">
              Tanggap
            </Text>
            <Text c="dimmed" size="sm">
              {user.officeName}
            </Text>
          </Group>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="subtle" aria-label={`${user.name} · ${ROLE_LABEL[user.role]} (menu akun)`}>
                {user.name} · {ROLE_LABEL[user.role]}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item component={RouterLink} to="/akun">
                Ganti kata sandi
              </Menu.Item>
              <Menu.Item color="red" onClick={() => void logout()}>
                Keluar
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigasi utama">
        {ITEMS.filter((i) => i.roles.includes(user.role)).map((i) => (
          <NavLink
            key={i.to}
            component={RouterLink}
            to={i.to}
            label={i.label}
            rightSection={
              i.to === SIGNATURE_QUEUE && waiting > 0 ? (
                <Badge size="sm" circle={waiting < 10} color="red" aria-label={`${waiting} dokumen`}>
                  {waiting}
                </Badge>
              ) : undefined
            }
            active={location.pathname === i.to || (i.to === '/register' && /^\/(pengaduan|dokumen)\/\d+/.test(location.pathname))}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400}>{children}</Box>
      </AppShell.Main>
    </AppShell>
  );
}
