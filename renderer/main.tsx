import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { App, preloadLanding } from './App';
import { RouteErrorScreen } from './components/ScreenError';
import { LeaveGuardHost } from './components/LeaveGuard';
import { theme } from './theme';
import { startBootReads } from './lib/boot';

// The first screen's reads go out before React renders anything (lib/boot.ts), and the
// page the signed-in user lands on is fetched as soon as the role is known.
void startBootReads()
  .me.then((me) => me && !me.mustChangePassword && preloadLanding(window.location.pathname, me.role))
  .catch(() => undefined);

// A data router, so a form with unsaved edits can hold a navigation (components/LeaveGuard.tsx);
// the screens themselves are App's <Routes>.
const router = createBrowserRouter([
  {
    path: '*',
    element: (
      <>
        <App />
        <LeaveGuardHost />
      </>
    ),
    errorElement: <RouteErrorScreen />,
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      {/* Top centre: the action panel and the page's own buttons sit at the right; two at a time. */}
      <Notifications position="top-center" limit={2} />
      <RouterProvider router={router} />
    </MantineProvider>
  </StrictMode>,
);
