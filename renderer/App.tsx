import { Suspense, lazy, useCallback, useEffect, useLayoutEffect, useMemo, useState, type ComponentType } from 'react';
import { Center, Loader, Alert, Button, Modal, Stack } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { call, onSessionEnded, ApiCallError } from './api';
import { notifications } from '@mantine/notifications';
import { notifyError, notifySuccess } from './lib/feedback';
import { hostOffsetOf, SessionContext, type Session, type SessionUser } from './lib/session';
import type { OfficeProfile } from '../shared/schemas/office';
import type { OfficeCalendar } from '../shared/time/workingTime';
import type { Role } from '../shared/domain';
import { Layout } from './components/Layout';
import { LoginForm, LoginPage } from './pages/LoginPage';
import { PageLoading } from './components/PageLoading';
import { PageErrorBoundary, serverAnswers } from './components/ScreenError';
import { clearPrivate } from './lib/privateStore';
import { forgetKioskTab, markKioskTab, onKioskStarted, wasKioskTab } from './lib/kioskTab';
import { leaveWithoutAsking } from './components/LeaveGuard';
import { takeBootReads } from './lib/boot';
import { dismissEarlyScreen } from './lib/earlyScreen';

// A page left open across an update asks for the old release's files, which the server no
// longer has: the page loads afresh with the new release (at most once a minute, so a
// file that is truly missing cannot make it reload without end). A server that does not
// answer at all (the host PC off, the network down) is no update: reloading would put the
// browser's own error page in place of the app, so the page's error screen says so instead.
window.addEventListener('vite:preloadError', () => {
  void serverAnswers().then((answers) => {
    const last = Number(sessionStorage.getItem('tanggap.reloadedForUpdate') ?? 0);
    if (!answers || Date.now() - last < 60_000) return;
    sessionStorage.setItem('tanggap.reloadedForUpdate', String(Date.now()));
    window.location.reload();
  });
});

// Every page but the login is fetched the first time its route opens, so the first load
// carries only the login and the shell.
// The pages a signed-in user may land on can also be fetched ahead (`preload`, while the
// first reads are on their way); one already fetched then renders at once, without the
// loading fallback and the hold-back React gives a revealed fallback.
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  type T = ComponentType<P>;
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  const preload = () => (loading ??= load().then((c) => (loaded = c)));
  const ready = (c: T) => ({ then: (resolve: (m: { default: T }) => void) => resolve({ default: c }) }) as unknown as Promise<{ default: T }>;
  return Object.assign(
    lazy(() => (loaded ? ready(loaded) : preload().then((c) => ({ default: c })))),
    { preload },
  );
}

const FirstPasswordPage = lazy(() => import('./pages/FirstPasswordPage').then((m) => ({ default: m.FirstPasswordPage })));
const SetupPage = lazy(() => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const ConnectPage = lazy(() => import('./pages/ConnectPage').then((m) => ({ default: m.ConnectPage })));
const TasksPage = page(() => import('./pages/TasksPage').then((m) => m.TasksPage));
const StaffStart = page(() => import('./components/tasks/StaffStart').then((m) => m.StaffStart));
const IntakePage = page(() => import('./pages/IntakePage').then((m) => m.IntakePage));
const RegisterPage = page(() => import('./pages/RegisterPage').then((m) => m.RegisterPage));
const ComplaintPage = page(() => import('./pages/ComplaintPage').then((m) => m.ComplaintPage));
const ReceiptPage = lazy(() => import('./pages/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const OfficePage = lazy(() => import('./pages/admin/OfficePage').then((m) => ({ default: m.OfficePage })));
const UsersPage = page(() => import('./pages/admin/UsersPage').then((m) => m.UsersPage));
const StandardPage = lazy(() => import('./pages/admin/StandardPage').then((m) => ({ default: m.StandardPage })));
const CalendarPage = lazy(() => import('./pages/admin/CalendarPage').then((m) => ({ default: m.CalendarPage })));
const AuditPage = lazy(() => import('./pages/admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const DocumentSettingsPage = lazy(() => import('./pages/admin/DocumentSettingsPage').then((m) => ({ default: m.DocumentSettingsPage })));
const OfficialsPage = lazy(() => import('./pages/admin/OfficialsPage').then((m) => ({ default: m.OfficialsPage })));
const BackupPage = lazy(() => import('./pages/admin/BackupPage').then((m) => ({ default: m.BackupPage })));
const ImportPage = lazy(() => import('./pages/admin/ImportPage').then((m) => ({ default: m.ImportPage })));
const ServerPage = lazy(() => import('./pages/admin/ServerPage').then((m) => ({ default: m.ServerPage })));
const DocumentPage = lazy(() => import('./pages/DocumentPage').then((m) => ({ default: m.DocumentPage })));
const SignatureQueuePage = lazy(() => import('./pages/SignatureQueuePage').then((m) => ({ default: m.SignatureQueuePage })));
const VerifyPage = lazy(() => import('./pages/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const BlankDispositionPage = lazy(() => import('./pages/BlankDispositionPage').then((m) => ({ default: m.BlankDispositionPage })));
const DashboardPage = page(() => import('./pages/DashboardPage').then((m) => m.DashboardPage));
const RecapPage = page(() => import('./pages/RecapPage').then((m) => m.RecapPage));
const SkmPage = lazy(() => import('./pages/SkmPage').then((m) => ({ default: m.SkmPage })));
const KioskPage = lazy(() => import('./pages/KioskPage').then((m) => ({ default: m.KioskPage })));

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'setup' }
  | { phase: 'login'; officeName: string }
  // This PC shows the SKM kiosk: its token is no session and opens nothing else.
  | { phase: 'kiosk' }
  | { phase: 'changePassword'; user: SessionUser }
  | { phase: 'ready'; user: SessionUser; office: OfficeProfile; calendar: OfficeCalendar; hostOffset: number };

export const HANDLER_ROLES: readonly Role[] = ['staf', 'kasi', 'sekcam', 'camat'];
export const SIGNER_ROLES: readonly Role[] = ['sekcam', 'camat'];

export function homeOf(role: Role): string {
  return role === 'admin' ? '/admin/pengguna' : role === 'staf' ? '/pengaduan/baru' : '/tugas';
}

// The page for those it is for, anyone else led home: `who` lists their roles, or says
// whether this user is one of them (signsForHead: who signs for the head of office today).
function only(who: readonly Role[] | boolean, role: Role, element: React.ReactElement) {
  const allowed = typeof who === 'boolean' ? who : who.includes(role);
  return allowed ? element : <Navigate to={homeOf(role)} replace />;
}

// The page a signed-in user lands on at this address, as the routes below decide (a
// refused address leads home), fetched ahead; other addresses fetch their page as it opens.
export function preloadLanding(pathname: string, role: Role): Promise<unknown> | undefined {
  const at = (roles: readonly Role[], load: () => Promise<unknown>) => (roles.includes(role) ? load() : preloadLanding(homeOf(role), role));
  if (pathname === '/') return role === 'staf' ? StaffStart.preload() : preloadLanding(homeOf(role), role);
  if (pathname === '/tugas') return at(HANDLER_ROLES, TasksPage.preload);
  if (pathname === '/pengaduan/baru') return at(['staf'], IntakePage.preload);
  if (pathname === '/register') return at(HANDLER_ROLES, RegisterPage.preload);
  if (pathname === '/rekap') return at(HANDLER_ROLES, RecapPage.preload);
  if (pathname === '/dasbor') return at(SIGNER_ROLES, DashboardPage.preload);
  if (/^\/pengaduan\/\d+$/.test(pathname)) return at(HANDLER_ROLES, ComplaintPage.preload);
  if (pathname === '/admin/pengguna') return at(['admin'], UsersPage.preload);
  return undefined;
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  // Why the session ended while a screen was open; the screen stays under the login.
  const [reauth, setReauth] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // The first load takes up the reads main.tsx sent at once; a later one reads afresh.
      const early = takeBootReads();
      const status = await (early?.status ?? call('setup.status'));
      if (status.needsSetup) return setBoot({ phase: 'setup' });
      const me = await (early?.me ?? call('auth.me'));
      if (!me) {
        const kiosk = (await call('skm.kioskState')).active;
        if (kiosk) markKioskTab();
        return setBoot(kiosk ? { phase: 'kiosk' } : { phase: 'login', officeName: status.officeName });
      }
      // A session another tab signed in, in a tab that showed the kiosk: a password first.
      if (wasKioskTab()) return setBoot({ phase: 'login', officeName: status.officeName });
      if (me.mustChangePassword) return setBoot({ phase: 'changePassword', user: me });
      const hostOffset = hostOffsetOf(me);
      // A page that fails to arrive is fetched again, and reported, when its route renders.
      const landing = preloadLanding(window.location.pathname, me.role)?.catch(() => undefined);
      const [office, calendar] = await Promise.all([
        early ? early.office.catch(() => call('office.get')) : call('office.get'),
        early ? early.calendar.catch(() => call('calendar.get')) : call('calendar.get'),
      ]);
      await landing;
      setBoot({ phase: 'ready', user: me, office, calendar, hostOffset });
    } catch (err) {
      setBoot({ phase: 'failed', message: err instanceof ApiCallError ? err.message : 'Tampilan aplikasi tidak dapat memuat data awal. Muat ulang halaman atau buka lagi Tanggap.' });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Whatever screen finds the session gone keeps everything typed: the login opens over
  // it, and after signing in the user repeats the action that was refused.
  useEffect(() => onSessionEnded((err) => setReauth(err.message)), []);
  // Another tab opened the SKM kiosk: this one drops what it shows, unsaved edits too, and
  // becomes the kiosk (or, should the kiosk have ended meanwhile, asks for a password).
  useEffect(
    () =>
      onKioskStarted(() => {
        clearPrivate();
        markKioskTab();
        leaveWithoutAsking();
        window.location.reload();
      }),
    [],
  );

  // The register's early screen drawn at the start stands in only for the register still
  // coming (RegisterPage removes it once its rows are drawn): any other screen replaces it.
  const { pathname } = useLocation();
  useLayoutEffect(() => {
    if (boot.phase !== 'loading' && (boot.phase !== 'ready' || pathname !== '/register')) dismissEarlyScreen();
  }, [boot, pathname]);

  const session = useMemo<Session | null>(
    () =>
      boot.phase === 'ready'
        ? {
            user: boot.user,
            office: boot.office,
            calendar: boot.calendar,
            now: () => new Date(Date.now() + boot.hostOffset),
            refresh: async () => {
              try {
                const [user, office, calendar] = await Promise.all([call('auth.me'), call('office.get'), call('calendar.get')]);
                if (user) setBoot({ phase: 'ready', user, office, calendar, hostOffset: hostOffsetOf(user) });
              } catch (err) {
                notifyError(err, 'Data kantor belum diperbarui di layar');
              }
            },
            logout: async () => {
              await call('auth.logout').catch(() => undefined);
              clearPrivate();
              notifications.clean();
              await load();
            },
          }
        : null,
    [boot, load],
  );

  if (boot.phase === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label="Memuat" />
      </Center>
    );
  }
  if (boot.phase === 'failed') {
    return (
      <Center h="100vh">
        <Stack maw={480}>
          <Alert color="red" title="Tanggap tidak dapat dibuka">
            {boot.message}
          </Alert>
          <Button onClick={() => void load()}>Coba lagi</Button>
        </Stack>
      </Center>
    );
  }
  if (boot.phase === 'setup') {
    return (
      <Suspense fallback={<PageLoading />}>
        {/* A PC without data may instead use the office server's (desktop app only). */}
        <Routes>
          <Route path="/sambung" element={<ConnectPage />} />
          <Route path="*" element={<SetupPage onDone={() => void load()} />} />
        </Routes>
      </Suspense>
    );
  }
  if (boot.phase === 'login') {
    return (
      <LoginPage
        officeName={boot.officeName}
        onLoggedIn={() => {
          forgetKioskTab();
          void load();
        }}
      />
    );
  }
  if (boot.phase === 'kiosk') {
    return (
      <Suspense fallback={<PageLoading />}>
        <KioskPage onExit={() => void load()} />
      </Suspense>
    );
  }
  if (boot.phase === 'changePassword') {
    return (
      <Suspense fallback={<PageLoading />}>
        <FirstPasswordPage
          user={boot.user}
          onChanged={() => {
            notifySuccess('Kata sandi sudah diganti. Selamat bekerja.');
            void load();
          }}
          onLogout={() => void call('auth.logout').catch(() => undefined).then(clearPrivate).then(load)}
        />
      </Suspense>
    );
  }

  const role = boot.user.role;
  return (
    <SessionContext.Provider value={session}>
      <Modal
        opened={reauth !== null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        centered
        title="Masuk lagi untuk melanjutkan"
      >
        <LoginForm
          notice={reauth ?? undefined}
          username={boot.user.username}
          onLoggedIn={(user) => {
            setReauth(null);
            // Someone else at this PC, or a password to replace first: load afresh.
            if (user.id !== boot.user.id || user.mustChangePassword) void load();
          }}
        />
      </Modal>
      <Layout>
        <PageErrorBoundary resetKey={pathname}>
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route path="/" element={role === 'staf' ? <StaffStart /> : <Navigate to={homeOf(role)} replace />} />
              <Route path="/tugas" element={only(HANDLER_ROLES, role, <TasksPage />)} />
              <Route path="/pengaduan/baru" element={only(['staf'], role, <IntakePage />)} />
              <Route path="/register" element={only(HANDLER_ROLES, role, <RegisterPage />)} />
              <Route path="/rekap" element={only(HANDLER_ROLES, role, <RecapPage />)} />
              <Route path="/skm" element={only(['staf', 'sekcam', 'camat'], role, <SkmPage />)} />
              <Route path="/pengaduan/:id" element={only(HANDLER_ROLES, role, <ComplaintPage />)} />
              <Route path="/pengaduan/:id/tanda-terima" element={only(HANDLER_ROLES, role, <ReceiptPage />)} />
              <Route path="/dokumen/:id" element={only(HANDLER_ROLES, role, <DocumentPage />)} />
              <Route path="/tanda-tangan" element={only(boot.user.signsForHead, role, <SignatureQueuePage />)} />
              <Route path="/dasbor" element={only(SIGNER_ROLES, role, <DashboardPage />)} />
              <Route path="/lembar-disposisi-kosong" element={only(HANDLER_ROLES, role, <BlankDispositionPage />)} />
              <Route path="/periksa" element={<VerifyPage />} />
              <Route path="/akun" element={<AccountPage />} />
              <Route path="/admin/kantor" element={only(['admin'], role, <OfficePage />)} />
              <Route path="/admin/pengguna" element={only(['admin'], role, <UsersPage />)} />
              <Route path="/admin/standar" element={only(['admin'], role, <StandardPage />)} />
              <Route path="/admin/kalender" element={only(['admin'], role, <CalendarPage />)} />
              <Route path="/admin/dokumen" element={only(['admin'], role, <DocumentSettingsPage />)} />
              <Route path="/admin/pejabat" element={only(['admin'], role, <OfficialsPage />)} />
              <Route path="/admin/audit" element={only(['admin', 'camat'], role, <AuditPage />)} />
              <Route path="/admin/cadangan" element={only(['admin'], role, <BackupPage />)} />
              <Route path="/admin/server" element={only(['admin'], role, <ServerPage />)} />
              <Route path="/admin/impor" element={only(['admin', 'staf'], role, <ImportPage />)} />
              <Route path="*" element={<Navigate to={homeOf(role)} replace />} />
            </Routes>
          </Suspense>
        </PageErrorBoundary>
      </Layout>
    </SessionContext.Provider>
  );
}
