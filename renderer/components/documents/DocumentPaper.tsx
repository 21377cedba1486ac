import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { DocumentContent } from '../../../shared/documents/issued';
import { sheetStamp } from '../../../shared/documents/dispositionSheet';
import { DISPOSITION_MARGINS_MM, LETTER_MARGINS_MM, PAGE_MM, type PageSize } from '../../../shared/documents/kinds';
import { ReceiptPaper } from '../complaint/ReceiptPaper';
import { ControlCardPaper, controlCardLayout } from './ControlCardPaper';
import { DispositionSheetPaper } from './DispositionSheetPaper';
import { LetterPaper } from './LetterPaper';

// Any issued document on screen and on paper. On screen: a white sheet of the real
// paper size with a shadow, scaled down when the window is narrower. In print (and in
// "Simpan PDF", which prints the window): the @page rule names the paper and its
// margins, and the sheet gives up its own size, padding and shadow, so one document
// comes out on the paper it is meant for.

export interface MarginsMm {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const mm = (n: number) => `${Number(n.toFixed(2))}mm`;

export function pageCss(page: PageSize, margins: MarginsMm = LETTER_MARGINS_MM): string {
  const { width, height } = PAGE_MM[page];
  return `@page { size: ${width}mm ${height}mm; margin: ${mm(margins.top)} ${mm(margins.right)} ${mm(margins.bottom)} ${mm(margins.left)}; }`;
}

const SHEET_CSS = `
.doc-sheet-frame { width: 100%; overflow-x: hidden; padding: 4px 0 16px; }
.doc-sheet {
  box-sizing: border-box; position: relative; margin: 0 auto; overflow-wrap: anywhere;
  background: #fff; color: #000; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.12), 0 4px 14px rgba(0, 0, 0, 0.18);
  font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; font-size: 12pt;
  print-color-adjust: exact; -webkit-print-color-adjust: exact;
}
@media print {
  body { margin: 0 !important; }
  .doc-sheet-frame { padding: 0 !important; overflow: visible !important; }
  .doc-sheet { width: auto !important; min-height: 0 !important; padding: 0 !important; margin: 0 !important; box-shadow: none !important; zoom: 1 !important; }
}
`;

// The @page rule (and the sheet's print rules) while a document is on screen.
export function PageStyle({ page, margins }: { page: PageSize; margins?: MarginsMm }) {
  return <style>{pageCss(page, margins) + SHEET_CSS}</style>;
}

const PX_PER_MM = 96 / 25.4;

export function PaperSheet({ page, margins, children }: { page: PageSize; margins: MarginsMm; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1);
  const { width, height } = PAGE_MM[page];

  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return;
    const natural = width * PX_PER_MM;
    const fit = () => {
      // A few pixels spare so the shadow shows on both sides of a scaled sheet.
      const available = element.clientWidth - 12;
      setScale(available > 0 ? Math.min(1, available / natural) : 1);
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);

  return (
    <div ref={frame} className="doc-sheet-frame">
      <PageStyle page={page} margins={margins} />
      <div
        className="doc-sheet"
        data-page={page}
        style={{
          width: `${width}mm`,
          minHeight: `${height}mm`,
          padding: `${mm(margins.top)} ${mm(margins.right)} ${mm(margins.bottom)} ${mm(margins.left)}`,
          zoom: scale,
        }}
      >
        {children}
      </div>
    </div>
  );
}

export function documentPage(content: DocumentContent): PageSize {
  switch (content.family) {
    case 'receipt':
      return 'A4';
    case 'letter':
      return content.view.paper;
    case 'disposition':
      return 'HALF_F4';
    case 'control_card':
      return content.view.paper;
  }
}

// notInForce: a lembar disposisi's, printed in capitals beside its title (sheetStamp).
export function DocumentPaper({ content, notInForce = null }: { content: DocumentContent; notInForce?: string | null }) {
  switch (content.family) {
    case 'receipt':
      return <ReceiptPaper v={content.view} />;
    case 'letter':
      return (
        <PaperSheet page={content.view.paper} margins={LETTER_MARGINS_MM}>
          <LetterPaper v={content.view} />
        </PaperSheet>
      );
    case 'disposition':
      return (
        <PaperSheet page="HALF_F4" margins={DISPOSITION_MARGINS_MM}>
          <DispositionSheetPaper v={content.view} stamp={sheetStamp(notInForce)} />
        </PaperSheet>
      );
    case 'control_card':
      return (
        <PaperSheet page={content.view.paper} margins={controlCardLayout(content.view.paper).margins}>
          <ControlCardPaper v={content.view} />
        </PaperSheet>
      );
  }
}
