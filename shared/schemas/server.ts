import * as z from 'zod';

// "Server kantor": this PC serves the other PCs of the office over the LAN, with TLS.

export const LAN_DEFAULT_PORT = 8443;

export const lanSettingsSchema = z.object({
  enabled: z.boolean({ error: 'Pilih apakah komputer ini menjadi server.' }),
  // One of this PC's IPv4 addresses (checked against its network interfaces by the core).
  address: z.ipv4({ error: 'Pilih alamat jaringan komputer ini dari daftar.' }).nullable(),
  port: z
    .number({ error: 'Isi nomor port.' })
    .int({ error: 'Nomor port harus bilangan bulat.' })
    .min(1024, { error: 'Nomor port paling kecil 1024.' })
    .max(65535, { error: 'Nomor port paling besar 65535.' }),
});
export type LanSettings = z.infer<typeof lanSettingsSchema>;

export const lanInterfaceSchema = z.object({
  // The operating system's name of the network card (e.g. "Ethernet", "Wi-Fi", "eth0").
  name: z.string(),
  address: z.string(),
});
export type LanInterface = z.infer<typeof lanInterfaceSchema>;

export const lanStatusSchema = z.object({
  // false when this core runs without a host that can serve the LAN (some tests, tools).
  available: z.boolean(),
  settings: lanSettingsSchema,
  // The addresses the Admin may choose from: this PC's IPv4 addresses now.
  interfaces: z.array(lanInterfaceSchema),
  running: z.boolean(),
  // https://address:port while running.
  url: z.string().nullable(),
  // SHA-256 of the certificate, uppercase hex pairs joined by ':'.
  fingerprint: z.string().nullable(),
  // The url as a QR code (SVG data URL) for a phone or tablet.
  qr: z.string().nullable(),
  error: z.string().nullable(),
});
export type LanStatus = z.infer<typeof lanStatusSchema>;
