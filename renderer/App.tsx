import { useCallback, useEffect, useMemo, useState } from 'react';
import { Center, Loader, Alert, Button, Stack } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { call, onSessionEnded, ApiCallError } from './api';
import { notifications } from '@mantine/notifications';
import { SessionContext, type Session, type SessionUser } from './lib/session';
import type { OfficeProfile } from '../shared/schemas/office';
import type { Role } from '../shared/domain';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/LoginPage';
import { SetupPage } from './pages/SetupPage';
import { TasksPage } from './pages/TasksPage';
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

type Boot =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'setup' }
  | { phase: 'login'; notice?: string; officeName: string }
  | { phase: 'ready'; user: SessionUser; office: OfficeProfile };

export const HANDLER_ROLES: readonly Role[] = ['staf', 'kasi', 'sekcam', 'camat'];

export function homeOf(role: Role): string {
  return role === 'admin' ? '/admin/pengguna' : role === 'staf' ? '/pengaduan/baru' : '/tugas';
}

function only(roles: readonly Role[], role: Role, element: React.ReactElement) {
  return roles.includes(role) ? element : <Navigate to={homeOf(role)} replace />;
}

export function App() {
  const [boot, setBoot] = useState<Boot>({ phase: 'loading' });

  const load = useCallback(async (notice?: string) => {
    try {
      const status = await call('setup.status');
      if (status.needsSetup) return setBoot({ phase: 'setup' });
      const me = await call('auth.me');
      if (!me) return setBoot({ phase: 'login', notice, officeName: status.officeName });
      const office = await call('office.get');
      setBoot({ phase: 'ready', user: me, office });
    } catch (err) {
      setBoot({ phase: 'failed', message: err instanceof ApiCallError ? err.message : String(err) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Whatever screen finds the session gone shows the login in its place; the route and
  // any draft stay, so after signing in the user continues where they were.
  useEffect(
    () =>
      onSessionEnded((err) => {
        setBoot((b) => (b.phase === 'ready' ? { phase: 'login', notice: err.message, officeName: b.user.officeName } : b));
      }),
    [],
  );

  const session = useMemo<Session | null>(
    () =>
      boot.phase === 'ready'
        ? {
            user: boot.user,
            office: boot.office,
            refresh: () => load(),
            logout: async () => {
              await call('auth.logout').catch(() => undefined);
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
  if (boot.phase === 'login') return <LoginPage officeName={boot.officeName} notice={boot.notice} onLoggedIn={() => void load()} />;

  const role = boot.user.role;
  return (
    <SessionContext.Provider value={session}>
      <Layout>
        <Routes>
          <Route path="/" element={<Navigate to={homeOf(role)} replace />} />
          <Route path="/tugas" element={only(HANDLER_ROLES, role, <TasksPage />)} />
          <Route path="/pengaduan/baru" element={only(['staf'], role, <IntakePage />)} />
          <Route path="/register" element={only(HANDLER_ROLES, role, <RegisterPage />)} />
          <Route path="/pengaduan/:id" element={only(HANDLER_ROLES, role, <ComplaintPage />)} />
          <Route path="/pengaduan/:id/tanda-terima" element={only(HANDLER_ROLES, role, <ReceiptPage />)} />
          <Route path="/akun" element={<AccountPage />} />
          <Route path="/admin/kantor" element={only(['admin'], role, <OfficePage />)} />
          <Route path="/admin/pengguna" element={only(['admin'], role, <UsersPage />)} />
          <Route path="/admin/standar" element={only(['admin'], role, <StandardPage />)} />
          <Route path="/admin/kalender" element={only(['admin'], role, <CalendarPage />)} />
          <Route path="/admin/audit" element={only(['admin', 'camat'], role, <AuditPage />)} />
          <Route path="*" element={<Navigate to={homeOf(role)} replace />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}
