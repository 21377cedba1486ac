import { afterEach, describe, expect, it } from 'vitest';
import { LOGO_NOT_IMAGE } from '../../shared/schemas/office';
import { signaturePng } from './paper';
import { fail, makeCore, ok, setupOffice, type TestCore } from '../support/core';

let t: TestCore | undefined;
afterEach(() => t?.dispose());

describe('the office profile', () => {
  it('refuses a logo that is no picture and braces in the unit code, and keeps a real logo', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const office = await ok(t.core, admin, 'office.get', {});
    const text = `data:image/png;base64,${Buffer.from('Ini hanya teks, namanya logo.png.').toString('base64')}`;
    expect(await fail(t.core, admin, 'office.update', { ...office, logo: text })).toMatchObject({ code: 'validation', fields: { logo: LOGO_NOT_IMAGE } });
    expect((await fail(t.core, admin, 'office.update', { ...office, unitCode: 'Kec/{tahun}' })).fields).toEqual({
      unitCode: 'Kode unit tidak boleh memuat tanda { atau }; tulis kodenya saja, misalnya Kec-Pgt.',
    });
    expect((await ok(t.core, admin, 'office.update', { ...office, logo: signaturePng() })).logo).toBe(signaturePng());
  });

  // Saved by an earlier version, which checked a logo only by its name: the app still opens
  // (every call reads the profile), and the next save of the profile asks for it to be put right.
  it('still reads a profile an earlier version saved with such a logo and unit code', async () => {
    t = makeCore();
    const admin = await setupOffice(t.core);
    const office = await ok(t.core, admin, 'office.get', {});
    const { rowVersion: _, ...stored } = { ...office, logo: 'data:image/png;base64,SW5pIGhhbnlhIHRla3M=', unitCode: 'Kec/{tahun}' };
    t.core.db.prepare("UPDATE settings SET value = ? WHERE key = 'office'").run(JSON.stringify(stored));
    const read = await ok(t.core, admin, 'office.get', {});
    expect(read).toMatchObject({ logo: stored.logo, unitCode: 'Kec/{tahun}' });
    expect((await ok(t.core, admin, 'auth.me', {}))?.username).toBe('admin');
    expect(Object.keys((await fail(t.core, admin, 'office.update', read)).fields ?? {}).sort()).toEqual(['logo', 'unitCode']);
  });
});
