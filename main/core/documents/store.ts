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
