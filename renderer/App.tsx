import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { Center, Loader, Alert, Button, Modal, Stack } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { call, onSessionEnded, ApiCallError } from './api';
import { notifications } from '@mantine/notifications';
import { notifyError, notifySuccess } from './lib/feedback';
import { SessionContext, type Session, type SessionUser } from './lib/session';
import type { OfficeProfile } from '../shared/schemas/office';
import type { OfficeCalendar } from '../shared/time/workingTime';
import type { Role } from '../shared/domain';
import { Layout } from './components/Layout';
import { LoginForm, LoginPage } from './pages/LoginPage';
import { PageLoading } from './components/PageLoading';
import { clearPrivate } from './lib/privateStore';

// A page left open across an update asks for the old release's files, which the server no
// longer has: the page loads afresh with the new release (at most once a minute, so a
// file that is truly missing cannot make it reload without end).
window.addEventListener('vite:preloadError', () => {
  const last = Number(sessionStorage.getItem('tanggap.reloadedForUpdate') ?? 0);
  if (Date.now() - last < 60_000) return;
  sessionStorage.setItem('tanggap.reloadedForUpdate', String(Date.now()));
  window.location.reload();
});

// Every page but the login is fetched the first time its route opens, so the first load
// carries only the login and the shell.
const FirstPasswordPage = lazy(() => import('./pages/FirstPasswordPage').then((m) => ({ default: m.FirstPasswordPage })));
const SetupPage = lazy(() => import('./pages/SetupPage').then((m) => ({ default: m.SetupPage })));
const ConnectPage = lazy(() => import('./pages/ConnectPage').then((m) => ({ default: m.ConnectPage })));
const TasksPage = lazy(() => import('./pages/TasksPage').then((m) => ({ default: m.TasksPage })));
const StaffStart = lazy(() => import('./components/tasks/StaffStart').then((m) => ({ default: m.StaffStart })));
const IntakePage = lazy(() => import('./pages/IntakePage').then((m) => ({ default: m.IntakePage })));
const RegisterPage = lazy(() => import('./pages/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const ComplaintPage = lazy(() => import('./pages/ComplaintPage').then((m) => ({ default: m.ComplaintPage })));
const ReceiptPage = lazy(() => import('./pages/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const OfficePage = lazy(() => import('./pages/admin/OfficePage').then((m) => ({ default: m.OfficePage })));
const UsersPage = lazy(() => import('./pages/admin/UsersPage').then((m) => ({ default: m.UsersPage })));
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
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const RecapPage = lazy(() => import('./pages/RecapPage').then((m) => ({ default: m.RecapPage })));
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
  | { phase: 'ready'; user: SessionUser; office: OfficeProfile; calendar: OfficeCalendar };

export const HANDLER_ROLES: readonly Role[] = ['staf', 'kasi', 'sekcam', 'camat'];
export const SIGNER_ROLES: readonly Role[] = ['sekcam', 'camat'];

export function homeOf(role: Role): string {
  return role === 'admin' ? '/admin/pengguna' : role === 'staf' ? '/pengaduan/baru' : '/tugas';
}

function only(roles: readonly Role[], role: Role, element: React.ReactElement) {
  return roles.includes(role) ? element : <Navigate to={homeOf(role)} replace />;
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });
  // Why the session ended while a screen was open; the screen stays under the login.
  const [reauth, setReauth] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const status = await call('setup.status');
      if (status.needsSetup) return setBoot({ phase: 'setup' });
      const me = await call('auth.me');
      if (!me) return setBoot((await call('skm.kioskState')).active ? { phase: 'kiosk' } : { phase: 'login', officeName: status.officeName });
      if (me.mustChangePassword) return setBoot({ phase: 'changePassword', user: me });
      const [office, calendar] = await Promise.all([call('office.get'), call('calendar.get')]);
      setBoot({ phase: 'ready', user: me, office, calendar });
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

  const session = useMemo<Session | null>(
    () =>
      boot.phase === 'ready'
        ? {
            user: boot.user,
            office: boot.office,
            calendar: boot.calendar,
            refresh: async () => {
              try {
                const [user, office, calendar] = await Promise.all([call('auth.me'), call('office.get'), call('calendar.get')]);
                if (user) setBoot({ phase: 'ready', user, office, calendar });
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
  if (boot.phase === 'login') return <LoginPage officeName={boot.officeName} onLoggedIn={() => void load()} />;
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
            <Route path="/tanda-tangan" element={only(SIGNER_ROLES, role, <SignatureQueuePage />)} />
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
      </Layout>
    </SessionContext.Provider>
  );
}
