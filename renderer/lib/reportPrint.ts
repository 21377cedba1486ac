import { PAGE_MM } from '../../shared/documents/kinds';

// A CSS string of any text: quotes, backslashes and line ends escaped.
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;

// A report printed from the screen on the office's paper, turned when its tables are
// wide. From the second sheet on, `heading` (the office and the period) heads each page,
// so a loose sheet still says whose report it is; every sheet is numbered. A
// `.report-section` (a table with its title) is not split across sheets.
export const reportPrintRules = (paper: 'A4' | 'F4', heading: string, landscape: boolean) => {
  const { width, height } = PAGE_MM[paper];
  return `@page {
  size: ${landscape ? `${height}mm ${width}mm` : `${width}mm ${height}mm`}; margin: 14mm 12mm 12mm;
  @top-left { content: ${cssString(heading)}; font: 8pt system-ui, sans-serif; color: #444; }
  @bottom-right { content: "Halaman " counter(page) " dari " counter(pages); font: 8pt system-ui, sans-serif; color: #444; }
}
@page :first { @top-left { content: none; } }
@media print { .report-section { break-inside: avoid; } }`;
};
