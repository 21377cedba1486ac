import { writeFile as fsWriteFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, WebContents } from 'electron';
import * as z from 'zod';
import { consoleLogger, type Logger } from '../core/context';
import type { InvokeSender } from './ipc';

// "Simpan PDF" in the desktop app: the window prints itself to PDF (print media, so
// exactly what "Cetak" would print, on the paper its @page rule names) and the user
// picks where the file goes. A second channel beside tanggap:invoke, behind the same
// sender check; the page names only a file name and a paper size, never a path.
export const PDF_CHANNEL = 'tanggap:printToPdf';

const MM_PER_INCH = 25.4;
const FILE_NAME_MAX = 120;

// Electron wants at least 353 microns a side; a metre is more than any office paper.
const millimetres = z.number().finite().min(10).max(1000);
export const pdfRequestSchema = z.strictObject({
  fileName: z.string().max(200),
  pageSize: z.strictObject({ widthMm: millimetres, heightMm: millimetres }),
});
export type PdfRequest = z.infer<typeof pdfRequestSchema>;

export type PdfRefusal = 'forbidden' | 'invalid' | 'busy' | 'cancelled' | 'failed';
export type PdfResult = { ok: true; path: string } | { ok: false; code: PdfRefusal; message: string };

const refusal = (code: PdfRefusal, message: string): PdfResult => ({ ok: false, code, message });
const REFUSED = refusal('forbidden', 'Permintaan ditolak: tidak berasal dari jendela aplikasi Tanggap.');
const INVALID = refusal('invalid', 'Permintaan simpan PDF tidak sah (nama berkas atau ukuran kertas).');
const BUSY = refusal('busy', 'PDF sebelumnya masih disimpan. Tunggu sebentar lalu coba lagi.');
const CANCELLED = refusal('cancelled', 'Penyimpanan PDF dibatalkan.');

// A name the save dialog can offer on Windows, macOS and Linux: no folders, no
// reserved characters, ending in .pdf.
export function safePdfFileName(name: string): string {
  const cleaned = name
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/\.pdf$/i, '')
    .replace(/[. ]+$/, '')
    .slice(0, FILE_NAME_MAX - 4)
    .trim();
  return `${cleaned || 'dokumen'}.pdf`;
}

export const mmToInches = (mm: number) => mm / MM_PER_INCH;

export interface PdfDeps {
  ipcMain: Pick<IpcMain, 'handle'>;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  isTrustedSender: (event: InvokeSender) => boolean;
  // The window the dialog belongs to (modal to it), or null.
  windowOf: (contents: WebContents) => BrowserWindow | null;
  // The folder the dialog opens in: the user's Documents.
  defaultDir: () => string;
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
  log?: Logger;
}

export function registerPdf(deps: PdfDeps): void {
  const log = deps.log ?? consoleLogger;
  const write = deps.writeFile ?? ((path, data) => fsWriteFile(path, data));
  const inProgress = new Set<number>();

  deps.ipcMain.handle(PDF_CHANNEL, async (event, input: unknown): Promise<PdfResult> => {
    if (!deps.isTrustedSender(event)) {
      log.warn(`simpan PDF ditolak dari pengirim yang tidak dikenal (webContents ${event.sender.id})`);
      return REFUSED;
    }
    const parsed = pdfRequestSchema.safeParse(input);
    if (!parsed.success) return INVALID;
    const { fileName, pageSize } = parsed.data;
    const contentsId = event.sender.id;
    if (inProgress.has(contentsId)) return BUSY;
    inProgress.add(contentsId);
    try {
      // Printed first, so the file holds what the user saw when they asked for it.
      const data = await event.sender.printToPDF({
        pageSize: { width: mmToInches(pageSize.widthMm), height: mmToInches(pageSize.heightMm) },
        preferCSSPageSize: true,
        printBackground: true,
        // The page's @page rule carries the document's margins; Electron reads these in
        // inches and would add 1 cm of its own otherwise.
        margins: { marginType: 'none', top: 0, bottom: 0, left: 0, right: 0 },
      });
      const options = {
        title: 'Simpan PDF',
        defaultPath: join(deps.defaultDir(), safePdfFileName(fileName)),
        buttonLabel: 'Simpan',
        filters: [{ name: 'Dokumen PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const owner = deps.windowOf(event.sender);
      const choice = owner ? await deps.dialog.showSaveDialog(owner, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return CANCELLED;
      const path = extname(choice.filePath) === '' ? `${choice.filePath}.pdf` : choice.filePath;
      await write(path, data);
      return { ok: true, path };
    } catch (err) {
      log.error('PDF tidak dapat dibuat atau disimpan', err);
      return refusal('failed', 'PDF tidak dapat dibuat atau disimpan. Periksa folder tujuan (bisa ditulisi, tidak penuh), lalu coba lagi.');
    } finally {
      inProgress.delete(contentsId);
    }
  });
}
