import { createHash } from 'node:crypto';
import type { DocumentContent } from '../../../shared/documents/issued';
import type { DocumentKind, DocumentStatus, PageSize } from '../../../shared/documents/kinds';
import type { DraftContent } from '../../../shared/schemas/documents';
import type { Db } from '../db/open';
import { notFound } from '../errors';
import { stmt } from '../db/statements';

// The issued_documents table: one row per version of a document. The view (what prints)
// is stored as JSON with its SHA-256; the DOCX beside it once rendered.

export interface DocRow {
  id: number;
  complaint_id: number | null;
  kind: DocumentKind;
  version: number;
  row_version: number;
  supersedes_id: number | null;
  superseded_by: number | null;
  status: DocumentStatus;
  page: PageSize;
  draft: string | null;
  params: string;
  view: string;
  view_sha256: string;
  docx: Buffer | null;
  docx_sha256: string;
  number: string;
  signer_id: number | null;
  signer_capacity: '' | 'a.n.' | 'Plt.' | 'Plh.';
  signed_at: string | null;
  verify_code: string | null;
  scan_attachment_id: number | null;
  returned_reason: string;
  returned_by: number | null;
  returned_at: string | null;
  created_by: number | null;
  created_at: string;
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function getDoc(db: Db, id: number): DocRow {
  const row = stmt(db, 'SELECT * FROM issued_documents WHERE id = ?').get(id) as DocRow | undefined;
  if (!row) throw notFound('Dokumen');
  return row;
}

export const contentOf = (row: DocRow) => JSON.parse(row.view) as DocumentContent;
export const draftOf = (row: Pick<DocRow, 'draft'>) => (row.draft ? (JSON.parse(row.draft) as DraftContent) : null);
/** The draft of document `id` alone, without reading its row's DOCX. */
export const draftById = (db: Db, id: number) => draftOf((stmt(db, 'SELECT draft FROM issued_documents WHERE id = ?').get(id) as Pick<DocRow, 'draft'> | undefined) ?? { draft: null });
export const paramsOf = <T>(row: DocRow) => JSON.parse(row.params) as T;

export interface NewDocument {
  complaintId: number | null;
  kind: DocumentKind;
  status: 'draf' | 'final';
  page: PageSize;
  content: DocumentContent;
  draft?: DraftContent | null;
  params?: Record<string, unknown>;
  /** The version this one replaces; a draft or issued form it replaces is marked diganti at once. */
  supersedes?: DocRow | null;
  createdBy: number | null;
  at: string;
}

// Inserts a version; call inside the write transaction of the change that issues it.
export function insertDocument(db: Db, d: NewDocument): number {
  const view = JSON.stringify(d.content);
  const info = stmt(db,
      `INSERT INTO issued_documents (complaint_id, kind, version, supersedes_id, status, page, draft, params, view, view_sha256, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      d.complaintId,
      d.kind,
      (d.supersedes?.version ?? 0) + 1,
      d.supersedes?.id ?? null,
      d.status,
      d.page,
      d.draft ? JSON.stringify(d.draft) : null,
      JSON.stringify(d.params ?? {}),
      view,
      sha256(view),
      d.createdBy,
      d.at,
    );
  const id = Number(info.lastInsertRowid);
  // A signed letter stays valid until its correction is signed (see signing).
  if (d.supersedes && (d.supersedes.status === 'draf' || d.supersedes.status === 'final')) markSuperseded(db, d.supersedes.id, id);
  return id;
}

export function markSuperseded(db: Db, oldId: number, newId: number) {
  stmt(db, "UPDATE issued_documents SET status = 'diganti', superseded_by = ? WHERE id = ?").run(newId, oldId);
}

export function storeDocx(db: Db, id: number, bytes: Buffer) {
  stmt(db, 'UPDATE issued_documents SET docx = ?, docx_sha256 = ? WHERE id = ? AND docx IS NULL').run(bytes, sha256(bytes), id);
}

/** The newest version of a kind for a complaint that nothing has replaced yet. */
export function latestOf(db: Db, complaintId: number, kind: DocumentKind): DocRow | null {
  return (
    (stmt(db, 'SELECT * FROM issued_documents WHERE complaint_id = ? AND kind = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1')
      .get(complaintId, kind) as DocRow | undefined) ?? null
  );
}

/**
 * A draft's paper for a signature by hand (wet_papers, its last row): its number, and once
 * printed the official its signature block names (with his capacity), when and by whom it
 * was printed. `printed_at` is null on a new version that kept the number of the version it
 * replaces and has not been printed again.
 */
export interface WetPaperRow {
  id: number;
  document_id: number;
  year: number;
  seq: number;
  number: string;
  signer_id: number | null;
  capacity: '' | 'a.n.' | 'Plt.' | 'Plh.' | null;
  printed_at: string | null;
  printed_by: number | null;
}
const PAPER_COLUMNS = 'id, document_id, year, seq, number, signer_id, capacity, printed_at, printed_by';
export const wetPaperOf = (db: Db, documentId: number) =>
  stmt(db, `SELECT ${PAPER_COLUMNS} FROM wet_papers WHERE document_id = ? ORDER BY id DESC LIMIT 1`).get(documentId) as WetPaperRow | undefined;
/** The print whose DOCX has this SHA-256 (Periksa dokumen). */
export const wetPrintByDocx = (db: Db, hash: string) => stmt(db, `SELECT ${PAPER_COLUMNS} FROM wet_papers WHERE docx_sha256 = ? ORDER BY id DESC LIMIT 1`).get(hash) as WetPaperRow | undefined;

// A draft's paper stands while the draft is still to be signed: not replaced, not returned
// (and not an answer given up, which the documents service checks: standingPaper).
const paperStands = (row: DocRow) => row.status === 'draf' && row.superseded_by === null && row.returned_at === null;

/** The paper for a signature by hand of a draft still to be signed (see paperStands), printed or not. */
export const standingPaperOf = (db: Db, row: DocRow): WetPaperRow | null => (paperStands(row) ? (wetPaperOf(db, row.id) ?? null) : null);

export type PrintedPaper = WetPaperRow & { signer_id: number; printed_at: string; view: string; docx: Buffer };

/**
 * The paper printed to be signed by hand of a draft that may still be signed, with the
 * letter as printed (view, DOCX): what the draft reads as and downloads as meanwhile, and
 * what its scan is recorded as. Null when there is none.
 */
export function printedPaperOf(db: Db, row: DocRow): PrintedPaper | null {
  if (!paperStands(row)) return null;
  const paper = stmt(db, 'SELECT * FROM wet_papers WHERE document_id = ? ORDER BY id DESC LIMIT 1').get(row.id) as PrintedPaper | undefined;
  return paper?.printed_at ? paper : null;
}

/** A new version of a draft keeps the number its paper for a signature by hand took (not yet printed again). */
export function carryWetNumber(db: Db, fromId: number, toId: number): void {
  const paper = wetPaperOf(db, fromId);
  if (paper) stmt(db, 'INSERT INTO wet_papers (document_id, year, seq, number) VALUES (?, ?, ?, ?)').run(toId, paper.year, paper.seq, paper.number);
}
