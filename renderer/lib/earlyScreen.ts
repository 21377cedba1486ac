import type { SavedPalette } from '../components/register/plainRows';

// The register's early screen at a start, drawn before the app's code has run: the
// screen as the app last showed this user the register's first page (its shell, menu,
// filters and header, without rows, counts or typed text), saved in this browser, with
// the rows of the first page boot.js has just read filled in (renderer/earlyScreen.ts).
// It takes no input (inert) and gives way to the app's own screen as soon as that has
// its rows, within the same frame (dismissEarlyScreen), or after SHOWN_AT_MOST_MS.
// For a new release (other scripts) or another user nothing is drawn, and the app saves
// the screen afresh once it shows that page.

const KEY = 'tanggap.layarAwal';
const HOST_ID = 'layar-awal';
const SHOWN_AT_MOST_MS = 10_000;
export const REGISTER_TABLE = 'table[aria-label="Buku register pengaduan"]';

interface Saved {
  // The page's scripts when it was saved (their names carry their content's hash).
  scripts: string;
  user: number;
  scheme: string | null;
  html: string;
  palette: SavedPalette;
}

const pageScripts = () => Array.from(document.scripts, (s) => s.src).join(' ');

// Saved by the register each time it shows its first page unfiltered (RegisterPage).
export function rememberEarlyScreen(user: number, palette: SavedPalette): void {
  const copy = document.getElementById('root')?.cloneNode(true) as HTMLElement | undefined;
  const tbody = copy?.querySelector(`${REGISTER_TABLE} tbody`);
  if (!copy || !tbody) return;
  tbody.replaceChildren();
  // Figures that change with every complaint (the menu's counts, the pager's total) are
  // left blank, their room kept; nothing typed is kept.
  for (const live of copy.querySelectorAll<HTMLElement>('[data-live]')) {
    live.replaceChildren();
    live.style.visibility = 'hidden';
  }
  for (const input of copy.querySelectorAll('input')) input.removeAttribute('value');
  const saved: Saved = { scripts: pageScripts(), user, scheme: document.documentElement.getAttribute('data-mantine-color-scheme'), html: copy.innerHTML, palette };
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
export function savedEarlyScreen(user: number): Saved | null {
  let saved: Saved;
  try {
    saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Saved;
  } catch {
    return null;
  }
  return saved && saved.user === user && saved.scripts === pageScripts() ? saved : null;
}

let dismissed = false;

// Shows the saved screen with its rows drawn by `fill`, unless the app has already shown its own.
export function showEarlyScreen(saved: Saved, fill: (tbody: HTMLTableSectionElement, palette: SavedPalette) => void): void {
  if (dismissed) return;
  const host = document.createElement('div');
  host.id = HOST_ID;
  host.inert = true;
  Object.assign(host.style, { position: 'fixed', inset: '0', zIndex: '1000', overflow: 'hidden', background: 'var(--mantine-color-body)' });
  host.innerHTML = saved.html;
  const tbody = host.querySelector<HTMLTableSectionElement>(`${REGISTER_TABLE} tbody`);
  if (!tbody) return;
  fill(tbody, saved.palette);
  // Mantine sets this once it runs; its stylesheet's colours hang on it.
  if (saved.scheme && !document.documentElement.hasAttribute('data-mantine-color-scheme')) document.documentElement.setAttribute('data-mantine-color-scheme', saved.scheme);
  document.body.prepend(host);
  window.setTimeout(dismissEarlyScreen, SHOWN_AT_MOST_MS);
}

// The app's own screen is drawn (the register's rows, or any other screen): the first
// screen goes, or is never drawn.
export function dismissEarlyScreen(): void {
  dismissed = true;
  document.getElementById(HOST_ID)?.remove();
}
