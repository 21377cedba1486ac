// What a screen keeps of personal data between reloads (an unsaved intake with the NIK,
// the register's search text) lives in this tab's sessionStorage only: never in the
// address bar, never on the disk after the tab closes, and gone at logout.

import { forgetEarlyScreen } from './earlyScreen';

const PREFIX = 'tanggap:';

export function readPrivate(key: string): string | null {
  try {
    return sessionStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

export function writePrivate(key: string, value: string | null) {
  try {
    if (value === null) sessionStorage.removeItem(PREFIX + key);
    else sessionStorage.setItem(PREFIX + key, value);
  } catch {
    // Storage full or disabled: the screen still works, only the reload safety net is gone.
  }
}

// At logout: also the register's early screen saved in this browser (lib/earlyScreen.ts).
export function clearPrivate() {
  forgetEarlyScreen();
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Nothing stored to clear.
  }
}
