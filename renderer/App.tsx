import { useCallback, useEffect, useMemo, useState } from 'react';
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
import { FirstPasswordPage } from './pages/FirstPasswordPage';
import { SetupPage } from './pages/SetupPage';
import { TasksPage } from './pages/TasksPage';
import { StaffStart } from './components/tasks/StaffStart';
import { IntakePage } from './pages/IntakePage';
import { RegisterPage } from './pages/RegisterPage';
import { ComplaintPage } from './pages/ComplaintPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { AccountPage } from './pages/AccountPage';
import { OfficePage } from './pages/admin/OfficePage';
import { UsersPage } from './pages/admin/UsersPage';
import { StandardPage } from './pages/admin/StandardPage';
import { CalendarPage } from './pages/admin/CalendarPage';
import { AuditPage } from './pages/admin/AuditPage';
import { DocumentSettingsPage } from './pages/admin/DocumentSettingsPage';
import { OfficialsPage } from './pages/admin/OfficialsPage';
import { BackupPage } from './pages/admin/BackupPage';
import { DocumentPage } from './pages/DocumentPage';
import { SignatureQueuePage } from './pages/SignatureQueuePage';
import { VerifyPage } from './pages/VerifyPage';
import { BlankDispositionPage } from './pages/BlankDispositionPage';
import { clearPrivate } from './lib/privateStore';

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'setup' }
  | { phase: 'login'; officeName: string }
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
      if (!me) return setBoot({ phase: 'login', officeName: status.officeName });
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
  if (boot.phase === 'setup') return <SetupPage onDone={() => void load()} />;
  if (boot.phase === 'login') return <LoginPage officeName={boot.officeName} onLoggedIn={() => void load()} />;
  if (boot.phase === 'changePassword') {
    return (
      <FirstPasswordPage
        user={boot.user}
        onChanged={() => {
          notifySuccess('Kata sandi sudah diganti. Selamat bekerja.');
          void load();
        }}
        onLogout={() => void call('auth.logout').catch(() => undefined).then(clearPrivate).then(load)}
      />
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
        <Routes>
          <Route path="/" element={role === 'staf' ? <StaffStart /> : <Navigate to={homeOf(role)} replace />} />
          <Route path="/tugas" element={only(HANDLER_ROLES, role, <TasksPage />)} />
          <Route path="/pengaduan/baru" element={only(['staf'], role, <IntakePage />)} />
          <Route path="/register" element={only(HANDLER_ROLES, role, <RegisterPage />)} />
          <Route path="/pengaduan/:id" element={only(HANDLER_ROLES, role, <ComplaintPage />)} />
          <Route path="/pengaduan/:id/tanda-terima" element={only(HANDLER_ROLES, role, <ReceiptPage />)} />
          <Route path="/dokumen/:id" element={only(HANDLER_ROLES, role, <DocumentPage />)} />
          <Route path="/tanda-tangan" element={only(SIGNER_ROLES, role, <SignatureQueuePage />)} />
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
          <Route path="*" element={<Navigate to={homeOf(role)} replace />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
