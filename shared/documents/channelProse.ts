import type { ChannelCode } from '../domain';

// How a letter says in a sentence the way a complaint came in: "… yang kami terima pada
// tanggal 1 Desember 2026 secara langsung di loket pelayanan …". The channel labels of
// shared/domain.ts ("Langsung/Loket", "Surat") are for lists and form fields; put after
// "melalui" they read as "melalui Langsung/Loket". Each phrase carries its own preposition.
export const CHANNEL_PROSE: Record<ChannelCode, string> = {
  langsung: 'secara langsung di loket pelayanan',
  kotak_saran: 'melalui kotak saran',
  surat: 'melalui surat',
  telepon: 'melalui telepon',
  sms: 'melalui SMS',
  whatsapp: 'melalui WhatsApp',
  email: 'melalui surel',
  website: 'melalui formulir daring di laman kami',
  facebook: 'melalui Facebook',
  instagram: 'melalui Instagram',
  sp4n_lapor: 'melalui SP4N-LAPOR!',
};

export interface ChannelDetails {
  /** The sender's letter (channel surat): its number and its date as printed, '' when not recorded. */
  letterNo?: string;
  letterDate?: string;
  /** SP4N-LAPOR!'s tracking number, '' when none. */
  laporTrackingId?: string;
}

/** The phrase with what identifies the incoming item: "melalui surat nomor 140/27/2026 tanggal 20 November 2026". */
export function channelProse(channel: ChannelCode, d: ChannelDetails = {}): string {
  const base = CHANNEL_PROSE[channel];
  if (channel === 'surat') {
    const no = d.letterNo?.trim() ? ` nomor ${d.letterNo.trim()}` : '';
    const date = d.letterDate?.trim() ? ` tanggal ${d.letterDate.trim()}` : '';
    return `${base}${no}${date}`;
  }
  if (channel === 'sp4n_lapor' && d.laporTrackingId?.trim()) return `${base} (nomor tracking ${d.laporTrackingId.trim()})`;
  return base;
}

/**
 * A template's placeholders filled in one pass (so a value holding "{…}", such as a
 * letter's number, is never filled again): "melalui {kanal}" (the default templates, and
 * every template an office saved from them) and "lewat {kanal}" / "via {kanal}" take the
 * whole channel phrase in place of their own word, so no "melalui secara langsung"; any
 * other {name} takes valueOf(name), or stays as written when that is undefined.
 */
export function fillTemplate(text: string, valueOf: (name: string) => string | undefined): string {
  return text.replace(/\b(melalui|lewat|via)\s+\{kanal\}|\{([a-z_]+)\}/gi, (whole, word: string | undefined, name: string | undefined) => {
    if (word === undefined) return valueOf(name!) ?? whole;
    const phrase = valueOf('kanal') ?? whole;
    return word.charAt(0) === word.charAt(0).toUpperCase() ? phrase.charAt(0).toUpperCase() + phrase.slice(1) : phrase;
  });
}
