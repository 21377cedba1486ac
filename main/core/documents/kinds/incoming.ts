import { CHANNEL_LABEL } from '../../../../shared/domain';
import { channelProse } from '../../../../shared/documents/channelProse';
import { formatTanggal } from '../../../../shared/time/format';
import type { TimeZoneId } from '../../../../shared/time/workingTime';
import type { Db } from '../../db/open';
import { stmt } from '../../db/statements';
import type { ComplaintFacts } from '../facts';

// How the documents name the reporter and the incoming item: the particulars the
// complaint's facts (facts.ts) leave out — whether the reporter asked to stay rahasia, the
// NIK, the sender's letter — and the lines built from them, so the kartu kendali, the
// lembar disposisi and the letters say the same thing.

export interface Incoming {
  /** The reporter asked for their identity to be kept secret (rahasia). */
  confidential: boolean;
  nik: string;
  /** The sender's letter, channel surat only; '' when not recorded. */
  letterNo: string;
  /** YYYY-MM-DD or ''. */
  letterDate: string;
}

export function incomingOf(db: Db, complaintId: number): Incoming {
  const r = stmt(db, 'SELECT confidential, reporter_nik, channel, letter_no, letter_date FROM complaints WHERE id = ?').get(complaintId) as
    | { confidential: number; reporter_nik: string; channel: string; letter_no: string; letter_date: string }
    | undefined;
  if (!r) return { confidential: false, nik: '', letterNo: '', letterDate: '' };
  const surat = r.channel === 'surat';
  return { confidential: r.confidential === 1, nik: r.reporter_nik, letterNo: surat ? r.letter_no.trim() : '', letterDate: surat ? r.letter_date : '' };
}

/** What a letter to another agency writes where the reporter's name would be. */
export const WITHHELD = 'pelapor (identitas dirahasiakan)';

/**
 * May a document that goes to someone other than the reporter (the surat penerusan to
 * another agency) name them? Not when they came anonymously, nor when they asked to stay
 * rahasia: the office knows who they are, the agency need not.
 */
export const identityWithheld = (c: ComplaintFacts, inc: Incoming) => c.anonymous || inc.confidential;

/** The reporter as a form or a letter to them names them; an anonymous one by the channel: "Pelapor anonim (Kotak Saran)". */
export function reporterName(c: ComplaintFacts): string {
  if (!c.anonymous) return c.reporterName;
  const via = CHANNEL_LABEL[c.channel];
  return c.laporTrackingId ? `Pelapor anonim (${via}, tracking ${c.laporTrackingId})` : `Pelapor anonim (${via})`;
}

/** "Dari" on the kartu kendali and "Surat dari" on the lembar disposisi: the reporter and the channel, once. */
export const fromLine = (c: ComplaintFacts) => (c.anonymous ? reporterName(c) : `${c.reporterName} (${CHANNEL_LABEL[c.channel]})`);

/**
 * The incoming item's date and number, the same on the kartu kendali and the lembar
 * disposisi. A letter has its own (each '-' when not recorded); anything else is dated
 * the day it was received and numbered only by SP4N-LAPOR!'s tracking, never by the
 * register number, which is the office's agenda number and has its own box.
 */
export function incomingReference(c: ComplaintFacts, inc: Incoming, tz: TimeZoneId): { date: string; no: string } {
  if (c.channel === 'surat') return { date: inc.letterDate ? formatTanggal(inc.letterDate, tz) : '-', no: inc.letterNo || '-' };
  return { date: formatTanggal(c.receivedAt, tz), no: c.laporTrackingId || '-' };
}

/** The channel in a sentence, with the sender's letter or the tracking number: "melalui surat nomor … tanggal …". */
export const channelPhrase = (c: ComplaintFacts, inc: Incoming, tz: TimeZoneId) =>
  channelProse(c.channel, {
    letterNo: inc.letterNo,
    letterDate: inc.letterDate ? formatTanggal(inc.letterDate, tz) : '',
    laporTrackingId: c.laporTrackingId,
  });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const HIDDEN = '(dirahasiakan)';

// A number as people write it: the same digits with spaces, dots, dashes or brackets between
// them ("(0812) 3456-7890", "3514 0152 …"); a telephone also with 0, 62 or +62 before the
// subscriber's number, or none. A bracket opened just before it goes with it when it is
// closed inside it ("(0812) …"), and one closed just after it when it was opened before
// the digits ("(081234567890)"). Null for too few digits to tell apart.
function digitsPattern(value: string, phone: boolean): RegExp | null {
  let digits = value.replace(/\D/g, '');
  if (phone) digits = digits.replace(/^(?:62|0)/, '');
  if (digits.length < 6) return null;
  const gap = '[\\s.\\-()]*';
  const prefix = phone ? `(?:(?:\\+?62|0)${gap})?` : '';
  const open = '(?:\\((?=[\\d\\s.+-]*\\)))?';
  const close = '(?:(?<=\\([\\d\\s.+-]*)\\))?';
  return new RegExp(`(?<!\\d)${open}${prefix}${[...digits].join(gap)}(?!\\d)${close}`, 'g');
}

// Words before a name that go with it ("Bu Aminah", "Sdri. Siti").
const HONORIFIC = '(?:(?:Sdr|Sdri|Saudara|Saudari|Bapak|Bpk|Pak|Ibu|Bu|Mas|Mbak|Mbok|Kang|Cak|Ning)\\.?\\s+)?';
// Parts of a name that are not the person's own: titles and degrees ("H.", "Hj.", "S.Sos.").
const TITLE_WORD = /\.|^(?:bapak|ibu|haji|hajjah|raden|mas|ajeng|dr|drs|ir)$/i;
const wholeWord = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])${HONORIFIC}${body}(?![\\p{L}\\p{N}])`, 'giu');
const spaced = (text: string) => text.split(/\s+/).map(escapeRegExp).join('\\s+');

/**
 * The text with the reporter's name, address, NIK, telephone and e-mail taken out: for a
 * letter to another agency about a reporter whose identity is withheld, whatever the
 * drafter typed or the complaint's own words carried.
 * - The name whole, then each of its own words of three letters or more ("Bu Aminah",
 *   "Sdri Siti"), with a "Sdr."/"Bapak"/"Bu" before it; a title or degree is not a name.
 * - The address as recorded (in any case and spacing), its first part (up to the first
 *   comma: the street, dusun and RT/RW where one lives) and its RT/RW however written
 *   ("RT 2/RW 1", "RT.002 RW.001"). The desa and the dusun by themselves stay: they are
 *   where the matter often is, which the agency must know.
 * - The numbers however they are written.
 * What is left is read again by the drafter and the signer; the letter says the identity
 * is withheld.
 */
export function withholdIdentity(text: string, c: ComplaintFacts, inc: Incoming): string {
  let out = text;
  // The e-mail first: its name part ("siti@…") is not to be taken for the name.
  const email = c.reporterEmail.trim();
  if (email.length >= 6) out = out.replace(new RegExp(escapeRegExp(email), 'giu'), HIDDEN);
  const name = c.reporterName.trim().replace(/\s+/g, ' ');
  if (name.length >= 3) {
    out = out.replace(wholeWord(spaced(name)), WITHHELD);
    for (const word of new Set(name.split(' '))) {
      if (word.length >= 3 && !TITLE_WORD.test(word)) out = out.replace(wholeWord(escapeRegExp(word)), WITHHELD);
    }
  }
  const address = c.reporterAddress.trim();
  const first = address.split(',')[0]!.trim();
  for (const part of [address, first]) if (part.length >= 6) out = out.replace(new RegExp(spaced(part), 'giu'), HIDDEN);
  const rtRw = rtRwPattern(address);
  if (rtRw) out = out.replace(rtRw, HIDDEN);
  for (const pattern of [digitsPattern(inc.nik, false), digitsPattern(c.reporterPhone, true)]) if (pattern) out = out.replace(pattern, HIDDEN);
  return tidyWithheld(out);
}

// The address's RT and RW as people write them: "RT 02 RW 01", "RT 2/RW 1", "Rt.002 Rw.001".
function rtRwPattern(address: string): RegExp | null {
  const m = /\bRT\.?\s*0*(\d{1,3})\s*[/,]?\s*RW\.?\s*0*(\d{1,3})\b/i.exec(address);
  return m ? new RegExp(`\\bRT\\.?\\s*0*${m[1]}\\s*[/,]?\\s*RW\\.?\\s*0*${m[2]}\\b`, 'gi') : null;
}

// The name's words withheld one after another are withheld once; "Pelapor, pelapor
// (identitas dirahasiakan)" reads "Pelapor (identitas dirahasiakan)", and "Pelapor (pelapor
// (identitas dirahasiakan), warga …)" reads "Pelapor (identitas dirahasiakan, warga …)"; a
// sentence starts with a capital; a number withheld inside brackets, "(HP (dirahasiakan))",
// reads "(HP dirahasiakan)".
function tidyWithheld(text: string): string {
  const once = escapeRegExp(WITHHELD);
  return text
    .replace(new RegExp(`${once}(?:\\s+${once})+`, 'g'), WITHHELD)
    .replace(new RegExp(`\\b(pelapor)([,\\s]+|\\s*\\()${once}`, 'gi'), (_, word: string, between: string) =>
      // Inside the bracket the name opened, the bracket closes where it did.
      between.includes('(') ? `${word} (identitas dirahasiakan` : `${word} (identitas dirahasiakan)`,
    )
    .replace(new RegExp(`(^|[.!?]\\s+)${once}`, 'g'), (_, before: string) => `${before}P${WITHHELD.slice(1)}`)
    .replace(/\(([^()]*?)\s*\(dirahasiakan\)\)/g, (_, before: string) => `(${before ? `${before} ` : ''}dirahasiakan)`);
}
