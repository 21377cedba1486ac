import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { EVENT_TITLE, noticePath, type ClientEvent } from '../../shared/events';
import { useLiveEvents } from '../lib/events';

const COLOR: Partial<Record<ClientEvent['kind'], string>> = {
  'disposition.returned': 'orange',
  'step.atRisk': 'orange',
  'step.late': 'red',
};

// The desktop app's own pages get system notifications from the main process. A page
// served by the office server (client mode, where only the paired server may, or a browser
// whose user allowed it) shows one itself while the window is not in front.
function systemNotice(e: ClientEvent, open: (() => void) | null) {
  if (window.tanggap || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const notice = new Notification('Tanggap', { body: e.message });
  notice.onclick = () => {
    window.focus();
    open?.();
  };
}

// A notice in the app for every live event addressed to the signed-in person; a click
// opens the page it concerns (noticePath): its complaint, or the signature queue of one
// who may not open the complaint of the letter awaiting his signature.
export function LiveNotices() {
  const navigate = useNavigate();
  // The desktop app's system notification, clicked, asks for its page.
  useEffect(() => window.tanggap?.onNavigate?.((path) => void navigate(path)), [navigate]);
  useLiveEvents((e) => {
    if (!e.forMe) return;
    const to = noticePath(e);
    systemNotice(e, to ? () => void navigate(to) : null);
    const opens = e.complaintId !== null ? 'pengaduan' : 'halaman Penandatanganan';
    notifications.show({
      title: EVENT_TITLE[e.kind],
      message: to ? `${e.message} Klik untuk membuka ${opens}.` : e.message,
      color: COLOR[e.kind] ?? 'teal',
      autoClose: 10_000,
      style: to ? { cursor: 'pointer' } : undefined,
      onClick: to
        ? () => {
            notifications.clean();
            void navigate(to);
          }
        : undefined,
    });
  });
  return null;
}
