import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenderCheck } from './ipc';
import { PDF_CHANNEL, mmToInches, registerPdf, safePdfFileName, type PdfDeps, type PdfResult } from './pdf';

const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const PDF_BYTES = Buffer.from('%PDF-1.7\n%fake\n');
type Frame = { processId: number; routingId: number; url: string; parent: unknown };
type Handler = (event: unknown, input?: unknown) => Promise<PdfResult>;

// A webContents as the handler sees it: an id, its main frame and printToPDF.
function fakeContents(id: number, url = 'app://tanggap/dokumen/7') {
  const mainFrame: Frame = { processId: 5, routingId: id, url, parent: null };
  const printToPDF = vi.fn(async (_options: unknown) => PDF_BYTES);
  const sender = { id, mainFrame, printToPDF };
  return {
    printToPDF,
    fromMain: () => ({ sender, senderFrame: mainFrame }),
    fromFrame: (frame: Frame | null) => ({ sender, senderFrame: frame }),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-pdf-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(over: Partial<PdfDeps> & { chosen?: string | null } = {}) {
  let handler: Handler | null = null;
  const ipcMain = {
    handle: vi.fn((channel: string, listener: Handler) => {
      expect(channel).toBe(PDF_CHANNEL);
      handler = listener;
    }),
  };
  const chosen = over.chosen === undefined ? join(dir, 'Surat tanggapan.pdf') : over.chosen;
  const showSaveDialog = vi.fn(async (..._args: unknown[]) => (chosen === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: chosen }));
  const owner = { id: 'window' };
  const deps = {
    ipcMain,
    dialog: { showSaveDialog },
    isTrustedSender: createSenderCheck(new Set([1])),
    windowOf: vi.fn(() => owner),
    defaultDir: () => '/home/staf/Dokumen',
    log: silentLog,
    ...over,
  } as unknown as PdfDeps;
  registerPdf(deps);
  expect(ipcMain.handle).toHaveBeenCalledTimes(1);
  return { invoke: handler! as Handler, showSaveDialog, owner };
}

const F4 = { fileName: 'Surat tanggapan 2026-00012', pageSize: { widthMm: 215, heightMm: 330 } };

describe('Simpan PDF: who may ask', () => {
  it('refuses a window it did not create, another page, or a subframe, before printing anything', async () => {
    const { invoke, showSaveDialog } = setup();
    const stranger = fakeContents(2);
    const navigated = fakeContents(1, 'https://evil.example/');
    const framed = fakeContents(1);
    const iframe = { processId: 5, routingId: 99, url: 'app://tanggap/index.html', parent: {} };
    for (const event of [stranger.fromMain(), navigated.fromMain(), framed.fromFrame(iframe), framed.fromFrame(null)]) {
      expect(await invoke(event, F4)).toMatchObject({ ok: false, code: 'forbidden', message: expect.stringMatching(/ditolak/) });
    }
    for (const c of [stranger, navigated, framed]) expect(c.printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('refuses anything but a file name and a sane paper size', async () => {
    const { invoke, showSaveDialog } = setup();
    const own = fakeContents(1);
    const bad: unknown[] = [
      undefined,
      null,
      'surat.pdf',
      {},
      { fileName: 'x' },
      { fileName: 42, pageSize: F4.pageSize },
      { fileName: 'x', pageSize: { widthMm: '215', heightMm: 330 } },
      { fileName: 'x', pageSize: { widthMm: 215, heightMm: Number.NaN } },
      { fileName: 'x', pageSize: { widthMm: 215, heightMm: Number.POSITIVE_INFINITY } },
      { fileName: 'x', pageSize: { widthMm: 0, heightMm: 330 } },
      { fileName: 'x', pageSize: { widthMm: 215, heightMm: 100_000 } },
      { fileName: 'x'.repeat(201), pageSize: F4.pageSize },
      { ...F4, path: '/etc/cron.d/x' },
      { fileName: 'x', pageSize: { ...F4.pageSize, landscape: true } },
    ];
    for (const input of bad) expect(await invoke(own.fromMain(), input), JSON.stringify(input)).toMatchObject({ ok: false, code: 'invalid' });
    expect(own.printToPDF).not.toHaveBeenCalled();
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('Simpan PDF: printing and saving', () => {
  it('prints on the named paper in inches, asks where to save, writes the file', async () => {
    const { invoke, showSaveDialog, owner } = setup();
    const own = fakeContents(1);
    const result = await invoke(own.fromMain(), F4);

    expect(result).toEqual({ ok: true, path: join(dir, 'Surat tanggapan.pdf') });
    expect(readFileSync(join(dir, 'Surat tanggapan.pdf'))).toEqual(PDF_BYTES);
    expect(own.printToPDF).toHaveBeenCalledTimes(1);
    const options = own.printToPDF.mock.calls[0]![0] as Record<string, unknown> & { pageSize: { width: number; height: number } };
    expect(options.pageSize.width).toBeCloseTo(8.4646, 3);
    expect(options.pageSize.height).toBeCloseTo(12.9921, 3);
    expect(options).toMatchObject({
      printBackground: true,
      preferCSSPageSize: true,
      margins: { marginType: 'none', top: 0, bottom: 0, left: 0, right: 0 },
    });

    expect(showSaveDialog).toHaveBeenCalledTimes(1);
    const [parent, dialogOptions] = showSaveDialog.mock.calls[0]!;
    expect(parent).toBe(owner);
    expect(dialogOptions).toMatchObject({
      defaultPath: join('/home/staf/Dokumen', 'Surat tanggapan 2026-00012.pdf'),
      filters: [{ name: 'Dokumen PDF', extensions: ['pdf'] }],
    });
  });

  it('half a folio and A4 go through as their own sizes', async () => {
    const { invoke } = setup();
    const own = fakeContents(1);
    await invoke(own.fromMain(), { fileName: 'Lembar disposisi', pageSize: { widthMm: 215, heightMm: 165 } });
    await invoke(own.fromMain(), { fileName: 'Kartu kendali', pageSize: { widthMm: 210, heightMm: 297 } });
    const sizes = own.printToPDF.mock.calls.map((c) => (c[0] as { pageSize: unknown }).pageSize);
    expect(sizes).toEqual([
      { width: mmToInches(215), height: mmToInches(165) },
      { width: mmToInches(210), height: mmToInches(297) },
    ]);
  });

  it('a dialog without a window of its own still opens', async () => {
    const { invoke, showSaveDialog } = setup({ windowOf: () => null });
    await invoke(fakeContents(1).fromMain(), F4);
    expect(showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('adds .pdf when the user typed a name without an extension', async () => {
    const { invoke } = setup({ chosen: join(dir, 'arsip-surat') });
    expect(await invoke(fakeContents(1).fromMain(), F4)).toEqual({ ok: true, path: join(dir, 'arsip-surat.pdf') });
    expect(readFileSync(join(dir, 'arsip-surat.pdf'))).toEqual(PDF_BYTES);
  });

  it('writes nothing when the user cancels', async () => {
    const writeFile = vi.fn(async () => undefined);
    const { invoke } = setup({ chosen: null, writeFile });
    expect(await invoke(fakeContents(1).fromMain(), F4)).toMatchObject({ ok: false, code: 'cancelled' });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('says so in Indonesian when printing or writing fails, instead of rejecting', async () => {
    const failingWrite = setup({ writeFile: vi.fn(async () => Promise.reject(new Error('EACCES'))) });
    expect(await failingWrite.invoke(fakeContents(1).fromMain(), F4)).toMatchObject({ ok: false, code: 'failed', message: expect.stringMatching(/tidak dapat/) });

    const own = fakeContents(1);
    own.printToPDF.mockRejectedValueOnce(new Error('renderer gone'));
    const { invoke, showSaveDialog } = setup();
    expect(await invoke(own.fromMain(), F4)).toMatchObject({ ok: false, code: 'failed' });
    expect(showSaveDialog).not.toHaveBeenCalled();
  });

  it('one PDF at a time per window: a double click does not open two dialogs', async () => {
    let release: () => void = () => undefined;
    const { invoke, showSaveDialog } = setup();
    showSaveDialog.mockImplementationOnce(
      () => new Promise((resolve) => (release = () => resolve({ canceled: false, filePath: join(dir, 'a.pdf') }))),
    );
    const own = fakeContents(1);
    const first = invoke(own.fromMain(), F4);
    await vi.waitFor(() => expect(showSaveDialog).toHaveBeenCalledTimes(1));
    expect(await invoke(own.fromMain(), F4)).toMatchObject({ ok: false, code: 'busy' });
    release();
    expect(await first).toEqual({ ok: true, path: join(dir, 'a.pdf') });
    expect(await invoke(own.fromMain(), F4)).toMatchObject({ ok: true });
  });
});

describe('PDF file names', () => {
  it('keeps a plain name, drops folders and reserved characters, always ends in .pdf', () => {
    expect(safePdfFileName('Surat tanggapan 2026-00012')).toBe('Surat tanggapan 2026-00012.pdf');
    expect(safePdfFileName('Berita acara.PDF')).toBe('Berita acara.pdf');
    expect(safePdfFileName('000.8.3.4/295/Kec-Kjy/2026')).toBe('000.8.3.4 295 Kec-Kjy 2026.pdf');
    expect(safePdfFileName('..\\..\\Windows\\system32\\x')).toBe('Windows system32 x.pdf');
    expect(safePdfFileName('a<b>c:"d"|e?*\u0000f\n')).toBe('a b c d e f.pdf');
    expect(safePdfFileName('')).toBe('dokumen.pdf');
    expect(safePdfFileName(' ... ')).toBe('dokumen.pdf');
    expect(safePdfFileName('x'.repeat(500))).toHaveLength(120);
  });
});
