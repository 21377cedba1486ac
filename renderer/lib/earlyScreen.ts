import type { SavedPalette } from '../components/register/plainRows';

// The register's early screen at a start, drawn before the app's code has run: the
// screen as the app last showed this user the register's first page (its shell, menu,
// filters and header, without rows, counts or typed text), saved in this browser, with
// the rows of the first page boot.js has just read filled in (renderer/earlyScreen.ts).
// Nothing under it takes input while it shows (the app's root is inert meanwhile). It
// gives way to the app's own screen in the frame that draws the register's rows or
// message, as soon as the app shows another screen, at the user's first key or click,
// or after SHOWN_AT_MOST_MS. For a new release (other scripts), another account, office
// or role nothing is drawn, and the app saves the screen afresh once it shows that page.

const KEY = 'tanggap.layarAwal';
const HOST_ID = 'layar-awal';
const SHOWN_AT_MOST_MS = 10_000;
// The register table's accessible name, by which this screen and the tests find it. Kept
// here, in a module that loads no other, since every start loads this one.
export const REGISTER_LABEL = 'Buku register pengaduan';
const REGISTER_TABLE = `table[aria-label="${REGISTER_LABEL}"]`;

// Who the screen was saved for, as auth.me tells it: the shell shows the office, the
// user's name and role, and the role's menu.
export interface ScreenUser {
  id: number;
  username: string;
  name: string;
  role: string;
  officeName: string;
}
const whoOf = (u: ScreenUser) => JSON.stringify([u.id, u.username, u.name, u.role, u.officeName]);

interface Saved {
  // The page's scripts when it was saved (their names carry their content's hash).
  scripts: string;
  who: string;
  scheme: string | null;
  html: string;
  palette: SavedPalette;
}

// The page's own scripts, by which a release is told apart; not the app's entry, which
// boot.js adds (marked data-app) and whose name boot.js's own content holds.
const pageScripts = () =>
  Array.from(document.scripts)
    .filter((s) => !s.hasAttribute('data-app'))
    .map((s) => s.src)
    .join(' ');

// Saved by the register each time it shows its first page unfiltered (RegisterPage).
export function rememberEarlyScreen(user: ScreenUser, palette: SavedPalette): void {
  const copy = document.getElementById('root')?.cloneNode(true) as HTMLElement | undefined;
  const table = copy?.querySelector(REGISTER_TABLE);
  const tbody = table?.querySelector('tbody');
  if (!copy || !table || !tbody) return;
  tbody.replaceChildren();
  table.removeAttribute('aria-rowcount');
  // Figures that change with every complaint (the menu's counts, the pager's total) are
  // left out, their room kept; nothing typed is kept.
  for (const live of copy.querySelectorAll<HTMLElement>('[data-live]')) {
    live.replaceChildren();
    live.removeAttribute('aria-label');
    live.style.visibility = 'hidden';
  }
  for (const input of copy.querySelectorAll('input')) input.removeAttribute('value');
  const saved: Saved = { scripts: pageScripts(), who: whoOf(user), scheme: document.documentElement.getAttribute('data-mantine-color-scheme'), html: copy.innerHTML, palette };
  const text = JSON.stringify(saved);
  try {
    if (localStorage.getItem(KEY) !== text) localStorage.setItem(KEY, text);
  } catch {
    // Storage full or disabled: the next start draws the app's own screen only.
  }
}

// Signing out forgets it: the next person at this PC sees nothing of this one's screen.
export function forgetEarlyScreen(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}

// The screen saved for `user` by this release, if any.
export function savedEarlyScreen(user: ScreenUser): Saved | null {
  let saved: Saved | null;
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Saved | null;
  } catch {
    return null;
  }
  return saved && saved.who === whoOf(user) && saved.scripts === pageScripts() ? saved : null;
}

let dismissed = false;

// Shows the saved screen with `count` rows drawn by `fill`, unless the app has already
// shown its own; returns whether it did.
export function showEarlyScreen(saved: Saved, count: number, fill: (tbody: HTMLTableSectionElement, palette: SavedPalette) => void): boolean {
  const root = document.getElementById('root');
  if (dismissed) return false;
  const host = document.createElement('div');
  host.id = HOST_ID;
  host.inert = true;
  Object.assign(host.style, { position: 'fixed', inset: '0', zIndex: '1000', overflow: 'hidden', background: 'var(--mantine-color-body)' });
  host.innerHTML = saved.html;
  const table = host.querySelector(REGISTER_TABLE);
  const tbody = table?.querySelector('tbody');
  if (!root || !table || !tbody) return false;
  table.setAttribute('aria-rowcount', String(count + 1));
  fill(tbody, saved.palette);
  // Mantine sets this once it runs; its stylesheet's colours hang on it.
  if (saved.scheme && !document.documentElement.hasAttribute('data-mantine-color-scheme')) document.documentElement.setAttribute('data-mantine-color-scheme', saved.scheme);
  // Clicks pass through an inert layer: what lies under it takes none meanwhile.
  root.inert = true;
  document.body.prepend(host);
  for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, dismissEarlyScreen, { capture: true, once: true });
  window.setTimeout(dismissEarlyScreen, SHOWN_AT_MOST_MS);
  return true;
}

// The app's own screen is drawn (the register's rows, or any other screen), or the user
// acts: the early screen goes, or is never drawn.
export function dismissEarlyScreen(): void {
  if (dismissed) return;
  dismissed = true;
  const host = document.getElementById(HOST_ID);
  if (!host) return;
  host.remove();
  document.getElementById('root')!.inert = false;
  for (const type of ['pointerdown', 'keydown']) window.removeEventListener(type, dismissEarlyScreen, { capture: true });
}
