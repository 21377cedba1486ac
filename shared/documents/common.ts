import * as z from 'zod';
import type { OfficeProfile } from '../schemas/office';

// Pieces every printed document shares: the kop surat, "label : value" rows and the
// signature block as Tata Naskah Dinas writes it.

export const kopSchema = z.object({
  lines: z.array(z.string()),
  address: z.string(),
  contact: z.string(),
  /** PNG or JPEG data URL, or '' for none. */
  logo: z.string(),
});
export type KopView = z.infer<typeof kopSchema>;

/** The kop surat of the office's profile: its lines, address with postal code, and contacts. */
export function kopOf(office: Pick<OfficeProfile, 'kopLines' | 'address' | 'postalCode' | 'phone' | 'email' | 'website' | 'logo'>): KopView {
  const contact = [
    office.phone && `Telepon ${office.phone}`,
    office.email && `Email ${office.email}`,
    office.website && `Laman ${office.website}`,
  ].filter((s) => s !== '');
  return {
    lines: office.kopLines,
    address: office.postalCode ? `${office.address}, Kode Pos ${office.postalCode}` : office.address,
    contact: contact.join(' · '),
    logo: office.logo,
  };
}

export const labelValueSchema = z.object({ label: z.string(), value: z.string() });
export type LabelValueView = z.infer<typeof labelValueSchema>;

export const signatureViewSchema = z.object({
  /** Lines above the space: "a.n. CAMAT KEJAYAN", "SEKRETARIS KECAMATAN,". */
  caption: z.array(z.string()),
  name: z.string(),
  /** Lines under the name: pangkat, "NIP …". */
  after: z.array(z.string()),
  /** The signer's specimen (PNG/JPEG data URL) once signed on screen; '' otherwise. */
  image: z.string(),
  /** Officials' names are bold and underlined; a citizen's is not. */
  official: z.boolean(),
  /** Leave room for the office stamp beside the signature. */
  stamp: z.boolean(),
});
export type SignatureView = z.infer<typeof signatureViewSchema>;
