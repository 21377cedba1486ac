import { describe, expect, it, vi } from 'vitest';
import type { ClientEvent } from '../../shared/events';
import { NOTIFICATION_TITLE, notificationBody, notifyEvent, type NotificationApi } from './notify';

function fakeNotifications(supported = true) {
  const shown: { options: { title: string; body: string }; listeners: Map<string, () => void>; show: ReturnType<typeof vi.fn> }[] = [];
  class FakeNotification {
    static isSupported = () => supported;
    readonly listeners = new Map<string, () => void>();
    show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      shown.push(this);
    }
    on(name: string, listener: () => void) {
      this.listeners.set(name, listener);
      return this;
    }
  }
  return { api: FakeNotification as unknown as NotificationApi, shown };
}

const event = (over: Partial<ClientEvent> = {}): ClientEvent => ({
  kind: 'disposition.new',
  at: '2026-11-30T01:00:00.000Z',
  complaintId: 7,
  registerNo: '7/PGD/2026',
  message: 'Disposisi baru untuk Anda: 7/PGD/2026 (Segera).',
  forMe: true,
  ...over,
});

describe('system notification', () => {
  it('shows what is addressed to the user as "Tanggap" with the core\'s line; a click opens the complaint', () => {
    const { api, shown } = fakeNotifications();
    const target = { focus: vi.fn(), navigate: vi.fn() };
    expect(notifyEvent(api, event(), target)).toBe(true);
    expect(shown).toHaveLength(1);
    expect(shown[0]!.options).toMatchObject({ title: NOTIFICATION_TITLE, body: 'Disposisi baru untuk Anda: 7/PGD/2026 (Segera).' });
    expect(NOTIFICATION_TITLE).toBe('Tanggap');
    expect(shown[0]!.show).toHaveBeenCalled();
    expect(target.focus).not.toHaveBeenCalled();
    shown[0]!.listeners.get('click')!();
    expect(target.focus).toHaveBeenCalled();
    expect(target.navigate).toHaveBeenCalledWith('/pengaduan/7');
  });

  it('stays quiet for events not addressed to the user, malformed ones, or where the system has none', () => {
    const { api, shown } = fakeNotifications();
    const target = { focus: vi.fn(), navigate: vi.fn() };
    expect(notifyEvent(api, event({ kind: 'queues.changed', forMe: false }), target)).toBe(false);
    expect(notifyEvent(api, { forMe: 'true', message: 'x' }, target)).toBe(false);
    expect(notifyEvent(api, { ...event(), kind: 'something.else' }, target)).toBe(false);
    expect(notifyEvent(api, event({ message: '   ' }), target)).toBe(false);
    expect(notifyEvent(api, null, target)).toBe(false);
    expect(shown).toHaveLength(0);
    const none = fakeNotifications(false);
    expect(notifyEvent(none.api, event(), target)).toBe(false);
    expect(none.shown).toHaveLength(0);
  });

  it('a click on one without a complaint only brings the window up', () => {
    const { api, shown } = fakeNotifications();
    const target = { focus: vi.fn(), navigate: vi.fn() };
    notifyEvent(api, event({ complaintId: null, message: 'Batas waktu terlampaui.' }), target);
    shown[0]!.listeners.get('click')!();
    expect(target.focus).toHaveBeenCalled();
    expect(target.navigate).not.toHaveBeenCalled();
  });

  it('a click on a letter awaiting the signature of one who may not open its complaint opens his signature queue', () => {
    const { api, shown } = fakeNotifications();
    const target = { focus: vi.fn(), navigate: vi.fn() };
    const awaiting = { kind: 'document.awaitingSignature', message: 'Surat tanggapan pengaduan 7/PGD/2026 menunggu tanda tangan Anda.' } as const;
    notifyEvent(api, event({ ...awaiting, complaintId: null }), target);
    shown[0]!.listeners.get('click')!();
    expect(target.focus).toHaveBeenCalled();
    expect(target.navigate).toHaveBeenCalledWith('/tanda-tangan');
    // With its complaint, as for everyone who may open it: the complaint.
    notifyEvent(api, event(awaiting), target);
    shown[1]!.listeners.get('click')!();
    expect(target.navigate).toHaveBeenLastCalledWith('/pengaduan/7');
  });

  it('keeps the body to one short line', () => {
    expect(notificationBody('Dua\nbaris   di sini')).toBe('Dua baris di sini');
    const long = notificationBody('a'.repeat(500));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
