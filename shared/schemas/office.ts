import * as z from 'zod';
import { LOGO_MAX_BYTES, TIME_ZONES } from '../domain';
import { isPngOrJpeg, optionalText, text } from './common';

export const LOGO_NOT_IMAGE = 'Logo harus gambar PNG atau JPG. Berkas ini bukan gambar seperti itu, walau namanya berakhiran .png atau .jpg: simpan ulang logo sebagai PNG atau JPG, lalu pilih lagi.';

const unitCode = text('Kode unit', 30);

export const officeProfileSchema = z.object({
  level: z.enum(['kecamatan', 'unit_lain'], { error: 'Pilih jenis kantor: kecamatan atau unit lain.' }),
  name: text('Nama kantor', 150),
  shortName: text('Nama singkat', 60),
  regionType: z.enum(['kabupaten', 'kota'], { error: 'Pilih kabupaten atau kota.' }),
  region: text('Nama kabupaten/kota', 80),
  address: text('Alamat kantor', 250),
  postalCode: optionalText('Kode pos', 10).refine((v) => v === '' || /^\d{5}$/.test(v), {
    error: 'Kode pos harus 5 angka.',
  }),
  phone: optionalText('Telepon', 40),
  email: optionalText('Email', 120).refine((v) => v === '' || z.email().safeParse(v).success, {
    error: 'Alamat email kantor tidak valid, contoh: kecamatan@contoh.go.id.',
  }),
  website: optionalText('Situs web', 120),
  timeZone: z.enum(TIME_ZONES, { error: 'Pilih zona waktu: WIB, WITA atau WIT.' }),
  kopLines: z
    .array(text('Baris kop surat', 120), { error: 'Kop surat wajib diisi.' })
    .min(1, { error: 'Kop surat minimal satu baris.' })
    .max(4, { error: 'Kop surat paling banyak empat baris.' }),
  headTitle: text('Sebutan pimpinan', 60),
  // Printed inside letter numbers in place of {unit}: braces would read as a placeholder.
  unitCode: unitCode.refine((v) => !/[{}]/.test(v), { error: 'Kode unit tidak boleh memuat tanda { atau }; tulis kodenya saja, misalnya Kec-Pgt.' }),
  logo: z
    .string()
    .max(Math.ceil((LOGO_MAX_BYTES * 4) / 3) + 40, { error: 'Logo paling besar 512 KB.' })
    .refine((v) => v === '' || isPngOrJpeg(v), { error: LOGO_NOT_IMAGE })
    .default(''),
});
export type OfficeProfile = z.infer<typeof officeProfileSchema>;

// The profile as stored, as read back: what an earlier version let through (a logo checked
// only by its name, braces in the unit code) still reads, and the form asks for it to be
// put right at its next save.
export const storedOfficeSchema = officeProfileSchema.extend({
  unitCode,
  logo: z.string().default(''),
});

// A preset's profile before the admin completes it: the blank one has empty fields.
export const officeDraftSchema = officeProfileSchema.extend({
  name: z.string(),
  shortName: z.string(),
  region: z.string(),
  address: z.string(),
  kopLines: z.array(z.string()),
  headTitle: z.string(),
  unitCode: z.string(),
});
