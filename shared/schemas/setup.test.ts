import { describe, expect, it } from 'vitest';
import { setupFormSchema, setupInputSchema } from './setup';
import { OFFICE_PRESETS } from '../standards/presets';

const form = (password: string, passwordConfirm: string) => ({
  presetId: 'kejayan',
  office: { ...OFFICE_PRESETS[0]!.office, logo: '' },
  admin: {
    username: 'admin',
    password,
    passwordConfirm,
    user: { name: 'Rina Admin', nip: '', jabatan: 'Admin Sistem', pangkat: '', role: 'admin', seksi: '', active: true },
  },
});

describe('setup form', () => {
  it('asks for the admin password twice and says which field to fix', () => {
    expect(setupFormSchema.safeParse(form('rahasia-admin-1', 'rahasia-admin-1')).success).toBe(true);
    const r = setupFormSchema.safeParse(form('rahasia-admin-1', 'rahasia-admin-2'));
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['admin.passwordConfirm', 'Kata sandi yang diulang tidak sama. Ketik ulang kata sandi admin persis sama.'],
    ]);
  });

  it('shows the mismatch together with the other errors', () => {
    const r = setupFormSchema.safeParse({ ...form('rahasia-admin-1', ''), office: {} });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain('admin.passwordConfirm');
  });

  it('leaves the repeated password out of what the core accepts', () => {
    expect(setupInputSchema.parse(form('rahasia-admin-1', 'rahasia-admin-1')).admin).not.toHaveProperty('passwordConfirm');
  });
});
