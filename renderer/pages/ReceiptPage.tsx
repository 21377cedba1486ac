import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { call } from '../api';
import { Loading } from '../components/Page';
import { ReceiptPaper } from '../components/complaint/ReceiptPaper';
import { notifyError } from '../lib/feedback';
import { downloadFile } from '../lib/files';
import { useCall } from '../lib/useCall';
import { complaintIdOf } from './ComplaintPage';

// The tanda terima on screen, printed from the browser: the same view-model the DOCX
// is built from, so both say the same thing.
export function ReceiptPage() {
  const id = complaintIdOf(useParams().id);
  const receipt = useCall('complaints.receipt', { id: id ?? 1 }, id !== null);
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    if (id === null) return;
    setDownloading(true);
    try {
      downloadFile(await call('complaints.receiptDocx', { id }));
    } catch (err) {
      notifyError(err, 'Tanda terima tidak dapat diunduh');
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack gap="md">
      <Group className="no-print" justify="space-between">
        <Button component={Link} to={id === null ? '/register' : `/pengaduan/${id}`} variant="default">
          Kembali
        </Button>
        <Group gap="xs">
          <Button variant="default" loading={downloading} disabled={!receipt.data} onClick={() => void download()}>
            Unduh DOCX
          </Button>
          <Button disabled={!receipt.data} onClick={() => window.print()}>
            Cetak
          </Button>
        </Group>
      </Group>
      {id === null ? (
        <Alert color="red">Alamat halaman tidak menunjuk pengaduan yang sah. Buka tanda terima dari halaman pengaduan.</Alert>
      ) : receipt.data ? (
        <ReceiptPaper v={receipt.data} />
      ) : (
        <Loading error={receipt.error} retry={receipt.reload} />
      )}
    </Stack>
  );
}
