import * as z from 'zod';
import { LAN_DEFAULT_PORT } from './server';

// "Sambungkan ke server kantor": this PC's desktop app uses another PC's Tanggap over
// the LAN and pins that server's certificate (main/electron/client.ts).

// SHA-256 of the certificate's DER bytes, uppercase hex pairs joined by ':'.
export const FINGERPRINT_PATTERN = /^[0-9A-F]{2}(?::[0-9A-F]{2}){31}$/;
export const fingerprintSchema = z.string().regex(FINGERPRINT_PATTERN, { error: 'Sidik jari sertifikat tidak dikenali.' });

// Eight groups of four pairs, as the server's "Server kantor" page shows them: short
// enough to compare one by one.
export function fingerprintGroups(fingerprint: string): string[] {
  const pairs = fingerprint.split(':');
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 4) groups.push(pairs.slice(i, i + 4).join(':'));
  return groups;
}

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

// What the user types ("192.168.1.10:8443", "192.168.1.10", "https://192.168.1.10:8443/")
// as the server's https origin, or the reason it cannot be one.
export function parseHostAddress(typed: string): { ok: true; url: string } | { ok: false; message: string } {
  const text = typed.trim();
  if (text === '') return { ok: false, message: 'Isi alamat server kantor, contoh 192.168.1.10:8443.' };
  if (/^http:\/\//i.test(text)) {
    return { ok: false, message: 'Server kantor Tanggap memakai https. Tulis alamat yang diawali https://, atau cukup alamat IP dan port.' };
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (hasScheme && !/^https:\/\//i.test(text)) return { ok: false, message: 'Alamat server kantor diawali https://, atau cukup alamat IP dan port.' };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { ok: false, message: 'Alamat ini tidak dapat dibaca. Tulis seperti yang tampil di halaman Server kantor, contoh 192.168.1.10:8443.' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, message: 'Alamat server tidak boleh memuat nama pengguna atau kata sandi.' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'Tulis alamat server saja, tanpa halaman di belakangnya, contoh https://192.168.1.10:8443.' };
  }
  const host = url.hostname;
  const isIpv6 = host.startsWith('[') && host.endsWith(']');
  if (!isIpv6 && !HOSTNAME.test(host)) {
    return { ok: false, message: 'Nama atau alamat IP server tidak benar. Contoh yang benar: 192.168.1.10:8443.' };
  }
  // The URL parser reads "192.168.1" as 192.168.0.1: what was typed is checked, not what it became.
  const typedHost = text.replace(/^https:\/\//i, '').split(/[/:?#]/)[0] ?? '';
  if (/^[\d.]+$/.test(typedHost) && z.ipv4().safeParse(typedHost).error) {
    return { ok: false, message: 'Alamat IP ini tidak benar: empat angka 0 sampai 255 dipisah titik, contoh 192.168.1.10.' };
  }
  // A bare address means the port the server uses unless the Admin chose another.
  if (!hasScheme && url.port === '' && !/:\d+$/.test(text)) url.port = String(LAN_DEFAULT_PORT);
  return { ok: true, url: url.origin };
}

export const hostAddressSchema = z.string({ error: 'Isi alamat server kantor.' }).transform((typed, ctx) => {
  const parsed = parseHostAddress(typed);
  if (parsed.ok) return parsed.url;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

export const connectFormSchema = z.object({ address: hostAddressSchema });

// The stored pairing (client.json in the desktop app's user-data folder).
export const clientConfigSchema = z.object({
  url: z.string().refine((value) => {
    const parsed = parseHostAddress(value);
    return parsed.ok && parsed.url === value && value.startsWith('https://');
  }, 'Alamat server harus berupa https://alamat:port.'),
  fingerprint: fingerprintSchema,
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

// What the desktop app found at the typed address, for the user to compare and confirm.
export const probeResultSchema = z.object({
  url: z.string(),
  fingerprint: fingerprintSchema,
  // The office the server belongs to, so a wrong PC is noticed before the fingerprint.
  officeName: z.string(),
});
export type ProbeResult = z.infer<typeof probeResultSchema>;
