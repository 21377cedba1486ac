import { describe, expect, it } from 'vitest';
import { clientConfigSchema, connectFormSchema, fingerprintGroups, parseHostAddress } from './connect';

const FP = Array.from({ length: 32 }, (_, i) => i.toString(16).toUpperCase().padStart(2, '0')).join(':');

describe('the office server address', () => {
  it('reads what people type as the https origin of the server', () => {
    const cases: Array<[string, string]> = [
      ['192.168.1.10:8443', 'https://192.168.1.10:8443'],
      [' 192.168.1.10:5443 ', 'https://192.168.1.10:5443'],
      ['192.168.1.10', 'https://192.168.1.10:8443'],
      ['https://192.168.1.10:8443/', 'https://192.168.1.10:8443'],
      ['HTTPS://Server-Kantor.lan:9000', 'https://server-kantor.lan:9000'],
      ['https://server-kantor.lan', 'https://server-kantor.lan'],
      ['192.168.1.10:443', 'https://192.168.1.10'],
      ['[fe80::1]:8443', 'https://[fe80::1]:8443'],
    ];
    for (const [typed, url] of cases) expect(parseHostAddress(typed), typed).toEqual({ ok: true, url });
  });

  it('says in Indonesian what is wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /Isi alamat server kantor/],
      ['http://192.168.1.10:8443', /memakai https/],
      ['ftp://192.168.1.10', /diawali https/],
      ['192.168.1', /Alamat IP ini tidak benar/],
      ['192.168.1.300:8443', /Alamat IP ini tidak benar|tidak dapat dibaca/],
      ['3232235786', /Alamat IP ini tidak benar/],
      ['192.168.1.10:99999', /tidak dapat dibaca/],
      ['https://admin:rahasia@192.168.1.10:8443', /nama pengguna atau kata sandi/],
      ['https://192.168.1.10:8443/masuk', /tanpa halaman/],
      ['192.168.1.10:8443?x=1', /tanpa halaman/],
      ['server kantor', /tidak dapat dibaca|tidak benar/],
      ['server_kantor:8443', /tidak benar/],
    ];
    for (const [typed, message] of cases) {
      const parsed = parseHostAddress(typed);
      expect(parsed.ok, typed).toBe(false);
      if (!parsed.ok) expect(parsed.message, typed).toMatch(message);
    }
    const form = connectFormSchema.safeParse({ address: 'http://1.2.3.4' });
    expect(form.success).toBe(false);
    expect(form.error?.issues[0]).toMatchObject({ path: ['address'], message: expect.stringContaining('https') });
  });

  it('keeps a pairing only as an https origin with a SHA-256 fingerprint', () => {
    expect(clientConfigSchema.safeParse({ url: 'https://192.168.1.10:8443', fingerprint: FP }).success).toBe(true);
    expect(clientConfigSchema.safeParse({ url: 'https://192.168.1.10:8443/', fingerprint: FP }).success).toBe(false);
    expect(clientConfigSchema.safeParse({ url: '192.168.1.10:8443', fingerprint: FP }).success).toBe(false);
    expect(clientConfigSchema.safeParse({ url: 'https://192.168.1.10:8443', fingerprint: FP.toLowerCase() }).success).toBe(false);
    expect(clientConfigSchema.safeParse({ url: 'https://192.168.1.10:8443', fingerprint: FP.slice(3) }).success).toBe(false);
  });

  it('shows the fingerprint in eight groups of four pairs', () => {
    const groups = fingerprintGroups(FP);
    expect(groups).toHaveLength(8);
    expect(groups[0]).toBe('00:01:02:03');
    expect(groups[7]).toBe('1C:1D:1E:1F');
  });
});
