import { Alert, Button, Group, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Loading } from '../components/Page';
import { ReceiptPaper } from '../components/complaint/ReceiptPaper';
import { ReceiptDocxButton } from '../components/ReceiptDocxButton';
import { useCall } from '../lib/useCall';
import { complaintIdOf } from './ComplaintPage';

// The tanda terima on screen, printed from the browser: the same view-model the DOCX
// is built from, so both say the same thing.
export function ReceiptPage() {
  const id = complaintIdOf(useParams().id);
  const receipt = useCall('complaints.receipt', { id: id ?? 1 }, id !== null);
  return (
    <Stack gap="md">
      <Group className="no-print" justify="space-between">
        <Button component={Link} to={id === null ? '/register' : `/pengaduan/${id}`} variant="default">
          Kembali
        </Button>
        <Group gap="xs">
          {id !== null && <ReceiptDocxButton complaintId={id} label="Unduh DOCX" disabled={!receipt.data} />}
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
