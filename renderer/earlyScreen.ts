import type { RegisterRow } from '../shared/schemas/workflow';
import type { TimeZoneId } from '../shared/time/workingTime';
import { drawPlainRows } from './components/register/plainRows';
import { savedEarlyScreen, showEarlyScreen, type ScreenUser } from './lib/earlyScreen';

// Runs before the app's own code (it comes first in index.html and imports neither React
// nor Mantine): when boot.js has asked for the register's first page, the screen this
// user last saw there is drawn with that page's rows as soon as the answers are in
// (lib/earlyScreen.ts). main.tsx takes the same answers over right after. boot.js starts
// the app's code once this screen's frame is drawn, or as soon as this script knows it
// draws nothing (window.tanggapStartApp).

type Answer<T> = { ok: true; value: T } | { ok: false };

declare global {
  interface Window {
    // Set by boot.js while it holds the app's code back for this screen.
    tanggapStartApp?: () => void;
  }
}

const startApp = () => window.tanggapStartApp?.();
const list = window.tanggapAhead?.find((read) => read.name === 'complaints.list')?.answer as Promise<Answer<{ rows: RegisterRow[] }>> | undefined;
const me = window.tanggapBoot?.['auth.me'] as Promise<Answer<(ScreenUser & { mustChangePassword: boolean }) | null>> | undefined;
const office = window.tanggapBoot?.['office.get'] as Promise<Answer<{ timeZone: TimeZoneId }>> | undefined;

if (list && me && office) {
  void Promise.all([me, office, list])
    .then(([me, office, list]) => {
      if (!me.ok || !me.value || me.value.mustChangePassword || !office.ok || !list.ok) return startApp();
      const saved = savedEarlyScreen(me.value);
      const { rows } = list.value;
      // An empty register is the app's to say so.
      const drawn = saved && rows.length > 0 && showEarlyScreen(saved, rows.length, (tbody, palette) => drawPlainRows(tbody, rows, office.value.timeZone, palette, window.innerHeight));
      // The app's code once this frame is drawn (a task queued from its animation frame).
      if (drawn) requestAnimationFrame(() => setTimeout(startApp, 0));
      else startApp();
    })
    // A failed read draws nothing here; the app reports it.
    .catch(startApp);
} else {
  startApp();
}
