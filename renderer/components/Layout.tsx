import type { ReactNode } from 'react';
import { AppShell, Group, NavLink, Text, Button, Menu, Box } from '@mantine/core';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { ROLE_LABEL, type Role } from '../../shared/domain';
import { useSession } from '../lib/session';

interface Item {
  to: string;
  label: string;
  roles: readonly Role[];
}

const ITEMS: Item[] = [
  { to: '/tugas', label: 'Tugas saya', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: '/pengaduan/baru', label: 'Catat pengaduan', roles: ['staf'] },
  { to: '/register', label: 'Buku register', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: '/admin/pengguna', label: 'Pengguna', roles: ['admin'] },
  { to: '/admin/kantor', label: 'Profil kantor', roles: ['admin'] },
  { to: '/admin/standar', label: 'Standar pelayanan', roles: ['admin'] },
  { to: '/admin/kalender', label: 'Kalender kerja', roles: ['admin'] },
  { to: '/admin/audit', label: 'Jejak audit', roles: ['admin', 'camat'] },
];

export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const location = useLocation();
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
            active={location.pathname === i.to || (i.to === '/register' && /^\/pengaduan\/\d+/.test(location.pathname))}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400}>{children}</Box>
      </AppShell.Main>
    </AppShell>
  );
}
