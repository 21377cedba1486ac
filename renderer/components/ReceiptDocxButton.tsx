import { useState } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { call } from '../api';
import { notifyError } from '../lib/feedback';
import { downloadFile } from '../lib/files';

interface Props extends Pick<ButtonProps, 'variant' | 'disabled'> {
  complaintId: number;
  label?: string;
}

// The tanda terima as DOCX, from the intake panel, the complaint page and the print view.
export function ReceiptDocxButton({ complaintId, label = 'Unduh tanda terima (DOCX)', variant = 'default', disabled }: Props) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      downloadFile(await call('complaints.receiptDocx', { id: complaintId }));
    } catch (err) {
      notifyError(err, 'Tanda terima tidak dapat diunduh');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant={variant} loading={busy} disabled={disabled} onClick={() => void download()}>
      {label}
    </Button>
  );
}
