import type { ChannelCode, ComplaintKind } from '../../../shared/domain';
import type { OfficeProfile } from '../../../shared/schemas/office';
import type { ServiceStandard } from '../../../shared/standards/schema';
import type { Db } from '../db/open';
import { notFound } from '../errors';
import { getOffice } from '../office/settings';
import { standardVersion } from '../workflow/standard';
import { documentSettings } from './settings';
import type { DocumentSettings } from '../../../shared/schemas/documents';
import { kopOf, type KopView } from '../../../shared/documents/common';
import { stmt } from '../db/statements';

// What every document of a complaint is built from: the complaint as recorded (with the
// reporter's particulars, which letters to the reporter need), the standard version it
// runs under, the office and the document settings.

export interface ComplaintFacts {
  id: number;
  registerNo: string;
  receivedAt: string;
  kind: ComplaintKind;
  channel: ChannelCode;
  category: string;
  reporterName: string;
  reporterAddress: string;
  reporterPhone: string;
  reporterEmail: string;
  anonymous: boolean;
  subject: string;
  description: string;
  laporTrackingId: string;
  kelengkapan: string[];
  attachmentCount: number;
  exitNote: string;
  pausedAt: string | null;
  standard: ServiceStandard;
}

export interface DocContext {
  office: OfficeProfile;
  kop: KopView;
  settings: DocumentSettings;
}

export function docContext(db: Db): DocContext {
  const office = getOffice(db);
  return { office, kop: kopOf(office), settings: documentSettings(db) };
}

interface Row {
  id: number;
  register_no: string;
  received_at: string;
  kind: ComplaintKind;
  channel: ChannelCode;
  category: string;
  reporter_name: string;
  reporter_address: string;
  reporter_phone: string;
  reporter_email: string;
  anonymous: number;
  subject: string;
  description: string;
  lapor_tracking_id: string;
  kelengkapan: string;
  exit_note: string;
  paused_at: string | null;
  standard_version_id: number;
  files: number;
}

export function complaintFacts(db: Db, id: number): ComplaintFacts {
  const r = stmt(db,
      `SELECT c.*, (SELECT count(*) FROM attachments a WHERE a.complaint_id = c.id AND a.follow_up_id IS NULL AND a.delivery_id IS NULL AND a.document_id IS NULL) AS files
       FROM complaints c WHERE c.id = ?`,
    )
    .get(id) as Row | undefined;
  if (!r) throw notFound('Pengaduan');
  return {
    id: r.id,
    registerNo: r.register_no,
    receivedAt: r.received_at,
    kind: r.kind,
    channel: r.channel,
    category: r.category,
    reporterName: r.reporter_name,
    reporterAddress: r.reporter_address,
    reporterPhone: r.reporter_phone,
    reporterEmail: r.reporter_email,
    anonymous: r.anonymous === 1,
    subject: r.subject,
    description: r.description,
    laporTrackingId: r.lapor_tracking_id,
    kelengkapan: JSON.parse(r.kelengkapan) as string[],
    attachmentCount: r.files,
    exitNote: r.exit_note,
    pausedAt: r.paused_at,
    standard: standardVersion(db, r.standard_version_id),
  };
}

/** "Saudara/i Siti Aminah" for letters; anonymous reporters are addressed as "Saudara". */
export const salutationName = (c: ComplaintFacts) => (c.anonymous ? 'Saudara' : c.reporterName);

export function brief(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()} …`;
}
