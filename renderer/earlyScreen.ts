import type { RegisterRow } from '../shared/schemas/workflow';
import type { TimeZoneId } from '../shared/time/workingTime';
import { drawPlainRows } from './components/register/plainRows';
import { savedEarlyScreen, showEarlyScreen, type ScreenUser } from './lib/earlyScreen';

// Runs before the app's own code (it comes first in index.html and imports neither React
// nor Mantine): when boot.js has asked for the register's first page, the screen this
// user last saw there is drawn with that page's rows as soon as the answers are in
// (lib/earlyScreen.ts). main.tsx takes the same answers over right after.

type Answer<T> = { ok: true; value: T } | { ok: false };

const list = window.tanggapAhead?.find((read) => read.name === 'complaints.list')?.answer as Promise<Answer<{ rows: RegisterRow[] }>> | undefined;
const me = window.tanggapBoot?.['auth.me'] as Promise<Answer<(ScreenUser & { mustChangePassword: boolean }) | null>> | undefined;
const office = window.tanggapBoot?.['office.get'] as Promise<Answer<{ timeZone: TimeZoneId }>> | undefined;

if (list && me && office) {
  void Promise.all([me, office, list])
    .then(([me, office, list]) => {
      if (!me.ok || !me.value || me.value.mustChangePassword || !office.ok || !list.ok) return;
      const saved = savedEarlyScreen(me.value);
      const { rows } = list.value;
      // An empty register is the app's to say so.
      if (saved && rows.length > 0) showEarlyScreen(saved, rows.length, (tbody, palette) => drawPlainRows(tbody, rows, office.value.timeZone, palette, window.innerHeight));
    })
    // A failed read draws nothing here; the app reports it.
    .catch(() => undefined);
}
