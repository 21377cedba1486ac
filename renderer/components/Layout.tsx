import { createContext, memo, useCallback, useContext, useEffect, useRef, useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';
import { AppShell, Badge, Burger, Group, NavLink, Text, Button, Menu, Box, Overlay, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useWindowEvent } from '@mantine/hooks';
import { NavLink as RouterLink, useLocation, useNavigate } from 'react-router';
import { SPECIMEN_ROLES, type Role } from '../../shared/domain';
import type { TaskCounts } from '../../shared/schemas/workflow';
import { followedByApp } from '../lib/links';
import { useRoleLabel, useSession, type SessionUser } from '../lib/session';
import { useCall } from '../lib/useCall';
import { callQuietly, serverReach } from '../api';
import { DOCUMENTS_CHANGED } from '../lib/documentsChanged';
import { lateTasksPath } from './tasks/address';
import { useQueueReload } from '../lib/events';
import { LiveNotices } from './LiveNotices';
import classes from './Layout.module.css';

interface Item {
  to: string;
  label: string;
  // SIGNS: whoever signs for the head of office today, a Kasi appointed Plt./Plh. too.
  roles: readonly Role[] | typeof SIGNS;
  // Which of the menu's numbers shows beside it, and how it reads aloud.
  // `alone`: how it reads away from its item (on the folded menu's button).
  count?: { of: (counts: TaskCounts) => number; noun: string; urgent: boolean; alone?: string };
}

const SIGNERS: readonly Role[] = ['sekcam', 'camat'];
const HANDLERS: readonly Role[] = ['staf', 'kasi', 'sekcam', 'camat'];
const SIGNS = 'signs';
const LATE = 'terlambat';

const ITEMS: Item[] = [
  // A letter printed to be signed by hand whose scan is to be uploaded waits there too.
  { to: '/tugas', label: 'Tugas saya', roles: HANDLERS, count: { of: (c) => c.mine + c.toScan, noun: 'tugas', urgent: false } },
  { to: LATE, label: 'Terlambat', roles: HANDLERS, count: { of: (c) => c.late, noun: 'pengaduan terlambat', urgent: true } },
  // One word, the name of the journey's signing step, so that it stays on one line beside a
  // two-digit number in the 220 px menu even in a wide font. Its page and the folded menu's
  // button say "menunggu tanda tangan".
  { to: '/tanda-tangan', label: 'Penandatanganan', roles: SIGNS, count: { of: (c) => c.toSign, noun: 'dokumen', urgent: true, alone: 'dokumen menunggu tanda tangan' } },
  { to: '/dasbor', label: 'Dasbor', roles: SIGNERS },
  { to: '/pengaduan/baru', label: 'Catat pengaduan', roles: ['staf'] },
  { to: '/register', label: 'Buku register', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: '/rekap', label: 'Buku rekap', roles: ['staf', 'kasi', 'sekcam', 'camat'] },
  { to: '/skm', label: 'Survei kepuasan (IKM)', roles: ['staf', 'sekcam', 'camat'] },
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
  { to: '/admin/server', label: 'Server kantor', roles: ['admin'] },
  { to: '/admin/impor', label: 'Impor register lama', roles: ['admin', 'staf'] },
];

const shownTo = (i: Item, user: SessionUser) => (i.roles === SIGNS ? user.signsForHead : i.roles.includes(user.role));

const COUNTS_REFRESH_MS = 60_000;

// The menu's numbers as shown, for a page that names one of them beside its own figures.
const MenuCounts = createContext<TaskCounts | undefined>(undefined);
export const useMenuCounts = () => useContext(MenuCounts);

// The menu's numbers in one call, read again on every move to another screen, when a
// document changes, when the core says a queue changed (live events), when the window
// regains focus and every minute (should the live events be cut).
function useTaskCounts(): TaskCounts | undefined {
  const { user, refresh } = useSession();
  const location = useLocation();
  const handler = HANDLERS.includes(user.role);
  const counts = useCall('tasks.counts', {}, handler);
  // The menu's numbers are never someone's activity: every reload is quiet.
  const reload = counts.reloadQuietly;
  const shown = useRef(location.pathname);
  useEffect(() => {
    if (shown.current === location.pathname) return;
    shown.current = location.pathname;
    if (handler) reload();
  }, [handler, reload, location.pathname]);
  useQueueReload(reload, handler);
  useEffect(() => {
    if (!handler) return;
    const timer = window.setInterval(reload, COUNTS_REFRESH_MS);
    window.addEventListener(DOCUMENTS_CHANGED, reload);
    window.addEventListener('focus', reload);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(DOCUMENTS_CHANGED, reload);
      window.removeEventListener('focus', reload);
    };
  }, [handler, reload]);
  // An appointment as Plt./Plh. made or ended while signed in: the session user (the menu
  // item, the queue's page, the specimen card) is read again.
  const signs = counts.data?.signsForHead;
  useEffect(() => {
    if (handler && signs !== undefined && signs !== user.signsForHead) void refresh();
  }, [handler, signs, user.signsForHead, refresh]);
  return handler ? counts.data : undefined;
}

interface NavItemProps {
  to: string;
  label: string;
  active: boolean;
  n: number;
  noun?: string;
  urgent?: boolean;
  go(to: string): void;
}

// One menu item, drawn again only when its own mark or number changes. A plain link the
// router follows on a plain click (a modified click is the browser's): the router's Link
// listens to every move, even within a page (the register's page, sort and filters live
// in the address), and the menu would be drawn again for each.
const NavItem = memo(function NavItem({ to, label, active, n, noun, urgent, go }: NavItemProps) {
  const onClick = useCallback(
    (e: MouseEvent<HTMLAnchorElement>) => {
      if (followedByApp(e)) go(to);
    },
    [go, to],
  );
  return (
    <NavLink
      component="a"
      href={to}
      onClick={onClick}
      aria-current={active ? 'page' : undefined}
      label={label}
      classNames={{ section: classes.navCount }}
      rightSection={
        noun && n > 0 ? (
          <Badge size="sm" circle={n < 10} px={n < 10 ? undefined : 6} color={urgent ? 'red' : 'teal'} autoContrast aria-label={`${n} ${noun}`} data-live>
            {n}
          </Badge>
        ) : undefined
      }
      active={active}
    />
  );
});

const ITEM_PAGE = /^\/(pengaduan|dokumen)\/\d+/;
const INTAKE = '/pengaduan/baru';
const REGISTER = { path: '/register', here: '/register' };

// The menu follows the address; the shell around it does not. `onGo`: a menu item was chosen.
const Nav = memo(function Nav({ counts, onGo }: { counts: TaskCounts | undefined; onGo(): void }) {
  const { user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const leader = SIGNERS.includes(user.role);
  const late = lateTasksPath(leader);
  const here = `${location.pathname}${location.search}`;
  // As the router's Link does: the address already shown is replaced, not pushed again.
  const latest = useRef({ navigate, here });
  useEffect(() => {
    latest.current = { navigate, here };
  });
  const go = useCallback(
    (to: string) => {
      onGo();
      void latest.current.navigate(to, { replace: to === latest.current.here });
    },
    [onGo],
  );
  const items = ITEMS.filter((i) => shownTo(i, user));
  // A complaint or a document belongs to the list it was opened from (Tugas saya, Terlambat,
  // the register…): that item stays marked. Opened from anywhere else (the intake form, Akun,
  // first in a tab) it is the register's. Noted once a page is on screen: a list page still
  // loading may be left for the complaint before it ever shows.
  const onItemPage = ITEM_PAGE.test(location.pathname);
  const list = useRef(REGISTER);
  useEffect(() => {
    if (onItemPage) return;
    list.current = items.some((i) => i.to === location.pathname && i.to !== INTAKE) ? { path: location.pathname, here } : REGISTER;
  });
  const { path: listPath, here: listHere } = onItemPage ? list.current : { path: location.pathname, here };
  return items.map((i) => {
    const to = i.to === LATE ? late : i.to;
    const n = i.count && counts ? i.count.of(counts) : 0;
    const active = i.to === LATE ? listHere === late : listPath === i.to && listHere !== late;
    return <NavItem key={i.to} to={to} label={i.label} active={active} n={n} noun={i.count?.noun} urgent={i.count?.urgent} go={go} />;
  });
});

// Below this width (1200 px) the menu would leave the register's table too little room
// (a 1024 px screen kept 770 px for it): it folds away behind a button in the header and
// opens over the page until an item is chosen, the page beside it is clicked, Escape is
// pressed (the focus goes back to the button) or the browser goes back or forward.
export const MENU_FOLDS_BELOW = 'lg';

// What the menu's numbers say, for the button of the folded menu: a mark on it (red when
// something is late or waits for a signature) and the numbers in its name.
function waiting(user: SessionUser, counts: TaskCounts | undefined) {
  const shown = ITEMS.flatMap((i) => {
    const n = i.count && shownTo(i, user) && counts ? i.count.of(counts) : 0;
    return i.count && n > 0 ? [{ ...i.count, n }] : [];
  });
  return { any: shown.length > 0, urgent: shown.some((c) => c.urgent), said: shown.map((c) => `${c.n} ${c.alone ?? c.noun}`).join(', ') };
}

export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const roleLabel = useRoleLabel();
  const [menuOpen, menu] = useDisclosure(false);
  const counts = useTaskCounts();
  const marks = waiting(user, counts);
  const menuButton = useRef<HTMLButtonElement>(null);
  useWindowEvent('keydown', (e) => {
    if (e.key !== 'Escape' || !menuOpen) return;
    menu.close();
    menuButton.current?.focus();
  });
  useWindowEvent('popstate', menu.close);
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: MENU_FOLDS_BELOW, collapsed: { mobile: !menuOpen } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Burger ref={menuButton} className={classes.menuButton} opened={menuOpen} onClick={menu.toggle} hiddenFrom={MENU_FOLDS_BELOW} size="sm" aria-expanded={menuOpen}>
              <VisuallyHidden>{menuOpen ? 'Tutup menu' : 'Buka menu'}</VisuallyHidden>
              {!menuOpen && marks.any && (
                <span className={classes.mark} data-urgent={marks.urgent || undefined} data-live>
                  <VisuallyHidden> ({marks.said})</VisuallyHidden>
                </span>
              )}
            </Burger>
            <Text fw={700} c="teal.8" size="lg">
              Tanggap
            </Text>
            <Text c="dimmed" size="sm">
              {user.officeName}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Unreachable />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="subtle" aria-label={`${user.name} · ${roleLabel(user.role)} (menu akun)`}>
                  {user.name} · {roleLabel(user.role)}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={RouterLink} to="/akun">
                  {SPECIMEN_ROLES.includes(user.role) ? 'Akun saya (kata sandi, contoh tanda tangan)' : 'Akun saya (kata sandi)'}
                </Menu.Item>
                <Menu.Item color="red" onClick={() => void logout()}>
                  Keluar
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Navigasi utama" className={menuOpen ? classes.navbar : `${classes.navbar} ${classes.folded}`}>
        <Nav counts={counts} onGo={menu.close} />
      </AppShell.Navbar>
      {/* Under the open menu and the header, over the page: a click beside the menu folds it. */}
      {menuOpen && <Overlay fixed hiddenFrom={MENU_FOLDS_BELOW} zIndex={99} backgroundOpacity={0.25} onClick={menu.close} />}
      <AppShell.Main>
        <LiveNotices />
        {/* Uses a 1920 px screen whole; only wider ones leave a margin. */}
        <Box maw={1800}>
          <MenuCounts.Provider value={counts}>{children}</MenuCounts.Provider>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

// While the server cannot be reached, a lasting mark in the header (a save's own message
// says it once); asked again every few seconds until it answers.
const PROBE_MS = 10_000;
function Unreachable() {
  const reachable = useSyncExternalStore(serverReach.subscribe, serverReach.get);
  useEffect(() => {
    if (reachable) return;
    const probe = window.setInterval(() => void callQuietly('auth.me').catch(() => undefined), PROBE_MS);
    return () => window.clearInterval(probe);
  }, [reachable]);
  if (reachable) return null;
  return (
    <Badge color="red" variant="filled" role="status" title="Isian belum dapat disimpan sampai sambungan ke server kantor pulih; isian di layar tidak hilang.">
      Server tidak terhubung
    </Badge>
  );
}
