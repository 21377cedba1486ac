import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from '../../shared/domain';

export interface FileData {
  fileName: string;
  mime: string;
  dataBase64: string;
}

// A file the core sent (DOCX, attachment) saved through the browser's download.
export function downloadFile(file: FileData) {
  const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`Berkas "${file.name}" tidak dapat dibaca.`));
    reader.readAsDataURL(file);
  });
}

export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error(`Berkas "${file.name}" tidak dapat dibaca.`));
    reader.readAsDataURL(file);
  });
}

// The same limits the core checks, said before the upload starts.
export function attachmentProblem(file: File): string | null {
  if (!(file.type in ATTACHMENT_TYPES)) return `Berkas "${file.name}" bukan foto (JPG/PNG/WEBP) atau PDF.`;
  if (file.size > ATTACHMENT_MAX_BYTES) return `Berkas "${file.name}" lebih besar dari ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`;
  if (file.size === 0) return `Berkas "${file.name}" kosong.`;
  return null;
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
