import { PAGE_MM, type PageSize } from '../../shared/documents/kinds';

// "Simpan PDF". In the desktop app the preload offers savePdf beside invoke: the main
// process prints this window to PDF on the given paper and asks where to save it. In a
// browser there is no such bridge, so the print dialog opens and the user picks
// "Simpan sebagai PDF" as the destination; the page's @page rule sets the paper there too.

interface PdfRequest {
  fileName: string;
  pageSize: { widthMm: number; heightMm: number };
}
type PdfReply = { ok: true; path: string } | { ok: false; code: string; message: string };
interface PdfBridge {
  savePdf(request: PdfRequest): Promise<unknown>;
}

function pdfBridge(): PdfBridge | null {
  const bridge = window.tanggap as (typeof window.tanggap & Partial<PdfBridge>) | undefined;
  return bridge && typeof bridge.savePdf === 'function' ? (bridge as PdfBridge) : null;
}

// True in the desktop app, where "Simpan PDF" writes the file itself.
export const canSavePdfDirectly = (): boolean => pdfBridge() !== null;

// Resolves with the saved file's path, or null when the user cancelled or the browser's
// print dialog took over; rejects with an Indonesian message when saving failed.
export async function savePdf(fileName: string, page: PageSize): Promise<string | null> {
  const bridge = pdfBridge();
  if (!bridge) {
    window.print();
    return null;
  }
  const { width, height } = PAGE_MM[page];
  const reply = (await bridge.savePdf({ fileName, pageSize: { widthMm: width, heightMm: height } })) as PdfReply;
  if (reply.ok) return reply.path;
  if (reply.code === 'cancelled') return null;
  throw new Error(reply.message);
}
