import { notifications, notificationsStore } from '@mantine/notifications';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../api';
import { notifyError, notifySuccess } from './feedback';

// The store the app's <Notifications limit={2} /> reads: what is shown and what waits.
const shown = () => notificationsStore.getState().notifications.map((n) => n.message);
const waiting = () => notificationsStore.getState().queue.map((n) => n.message);

describe('the answer to the user’s own action', () => {
  beforeEach(() => {
    notifications.clean();
    notificationsStore.setState({ ...notificationsStore.getState(), limit: 2 });
  });

  it('is shown at once, before live notices that fill both places, and replaces the answer before it', () => {
    notifications.show({ message: 'Disposisi baru untuk Anda.' });
    notifications.show({ message: 'Pengaduan 0002/PGD/2026 terlambat.' });
    notifySuccess('Surat tanggapan versi 2 tersimpan.');
    notifySuccess('Langkah 7 selesai.');

    expect(shown()).toEqual(['Langkah 7 selesai.', 'Disposisi baru untuk Anda.']);
    expect(waiting()).toEqual(['Pengaduan 0002/PGD/2026 terlambat.']);
  });

  it('an error replaces a success, and the next success the error', () => {
    notifySuccess('Draf tersimpan.');
    notifyError(new ApiCallError({ code: 'conflict', message: 'Draf ini sudah diubah orang lain.' }));
    expect(shown()).toEqual(['Draf ini sudah diubah orang lain.']);
    notifySuccess('Draf tersimpan.');
    expect(shown()).toEqual(['Draf tersimpan.']);
  });

  it('says nothing of an ended session: the login screen says it', () => {
    notifySuccess('Draf tersimpan.');
    notifyError(new ApiCallError({ code: 'unauthenticated', message: 'Sesi berakhir.' }));
    expect(shown()).toEqual(['Draf tersimpan.']);
  });
});
