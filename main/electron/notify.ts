import type { Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import { EVENT_KINDS, noticePath, type EventKind } from '../../shared/events';

// The system notification of the desktop app: only for what is addressed to the
// signed-in person (a disposition to them, a document waiting for their paraf). The
// text is the core's one-line message (a register number and what happened, no
// reporter's name, NIK or phone); clicking it brings the window up on the page it
// concerns (noticePath: the complaint, or the signature queue).

export const NOTIFICATION_TITLE = 'Tanggap';
// main → window: the page to open, e.g. /pengaduan/12 (the preload passes it to the router).
export const NAVIGATE_CHANNEL = 'tanggap:navigate';
const BODY_MAX = 200;

export interface NotificationApi {
  isSupported(): boolean;
  new (options: NotificationConstructorOptions): Pick<ElectronNotification, 'show' | 'on'>;
}

export interface NotifyTarget {
  // Brings the window to the front (restored if minimised).
  focus(): void;
  navigate(path: string): void;
}

interface Notifiable {
  kind: EventKind;
  message: string;
  forMe: boolean;
  complaintId: number | null;
}

function notifiable(event: unknown): Notifiable | null {
  if (typeof event !== 'object' || event === null) return null;
  const { kind, message, forMe, complaintId } = event as Record<string, unknown>;
  if (forMe !== true || typeof message !== 'string' || message.trim() === '' || !EVENT_KINDS.includes(kind as EventKind)) return null;
  const id = typeof complaintId === 'number' && Number.isSafeInteger(complaintId) && complaintId > 0 ? complaintId : null;
  return { kind: kind as EventKind, message, forMe, complaintId: id };
}

export function notificationBody(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > BODY_MAX ? `${line.slice(0, BODY_MAX - 1)}…` : line;
}

// A notification shown and waiting for its click is kept here: one Electron forgets
// (garbage-collects) loses its click handler.
const shown = new Set<object>();

// Shows a notification for an event addressed to the signed-in person; returns whether it did.
export function notifyEvent(api: NotificationApi, event: unknown, target: NotifyTarget): boolean {
  const found = notifiable(event);
  if (!found || !api.isSupported()) return false;
  const notification = new api({ title: NOTIFICATION_TITLE, body: notificationBody(found.message), silent: false });
  shown.add(notification);
  const path = noticePath(found);
  notification.on('click', () => {
    shown.delete(notification);
    target.focus();
    if (path !== null) target.navigate(path);
  });
  notification.on('close', () => shown.delete(notification));
  notification.show();
  return true;
}
