import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import type { PageSize } from '../../../shared/documents/kinds';
import { notifyError, notifySuccess } from '../../lib/feedback';
import { canSavePdfDirectly, savePdf } from '../../lib/pdf';

interface Props {
  /** Offered as the PDF's name, e.g. "Surat tanggapan 2026-00012"; ".pdf" is added. */
  fileName: string;
  page: PageSize;
  disabled?: boolean;
}

// "Simpan PDF" and "Cetak" for the document on screen. Both print the page as it is,
// on the paper the document's @page rule names.
export function PrintButtons({ fileName, page, disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const direct = canSavePdfDirectly();
  const save = async () => {
    setBusy(true);
    try {
      const path = await savePdf(fileName, page);
      if (path) notifySuccess(`Tersimpan di ${path}`, 'PDF tersimpan');
    } catch (err) {
      notifyError(err instanceof Error ? err.message : err, 'PDF tidak dapat disimpan');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" className="no-print">
      <Button
        variant="default"
        loading={busy}
        disabled={disabled}
        onClick={() => void save()}
        title={direct ? undefined : 'Jendela cetak akan terbuka: pilih tujuan "Simpan sebagai PDF".'}
      >
        Simpan PDF
      </Button>
      <Button disabled={disabled} onClick={() => window.print()}>
        Cetak
      </Button>
    </Group>
  );
}
