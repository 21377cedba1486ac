import type { MouseEvent } from 'react';

// Plain links (not the router's Link, which renders again on every move of the address):
// the app follows a plain left click itself; a modified click (new tab, new window) is
// the browser's. True when the app is to follow it.
export function followedByApp(e: MouseEvent<HTMLAnchorElement>): boolean {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  e.preventDefault();
  return true;
}

// The link in a table row that itself opens the complaint on a click: the row's click is
// not also taken.
export function followRowLink(e: MouseEvent<HTMLAnchorElement>, id: number, onOpen: (id: number) => void) {
  e.stopPropagation();
  if (followedByApp(e)) onOpen(id);
}
