import { useState } from 'react';
import { notifyError } from '../../lib/feedback';
import { downloadFile, type FileData } from '../../lib/files';

// A button's download: busy while the core builds the file, then the browser saves it;
// a refusal or failure is said in a notice.
export function useDownload() {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, make: () => Promise<FileData>, failTitle = 'Berkas tidak dapat diunduh') => {
    setBusy(key);
    try {
      downloadFile(await make());
    } catch (err) {
      notifyError(err, failTitle);
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
