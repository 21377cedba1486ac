import { Alert, Button, Group, Stack } from '@mantine/core';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Loading } from '../components/Page';
import { ReceiptPaper } from '../components/complaint/ReceiptPaper';
import { ReceiptDocxButton } from '../components/ReceiptDocxButton';
import { useCall } from '../lib/useCall';
import { complaintIdOf } from './ComplaintPage';

// The tanda terima on screen, printed from the browser: the same view-model the DOCX
// is built from, so both say the same thing. An address without a valid id never reaches the core.
export function ReceiptPage() {
  const id = complaintIdOf(useParams().id);
  if (id === null) {
    return (
      <Stack gap="md">
        <Group className="no-print">
          <Button component={Link} to="/register" variant="default">
            Kembali
          </Button>
        </Group>
        <Alert color="red" title="Pengaduan tidak ditemukan">
          Alamat halaman tidak menunjuk pengaduan yang sah. Buka tanda terima dari halaman pengaduan.
        </Alert>
      </Stack>
    );
  }
  return <ReceiptView key={id} id={id} />;
}

// Opened from the panel of a complaint just saved, Kembali returns to that panel.
export interface ReceiptHistory {
  back: true;
}

function ReceiptView({ id }: { id: number }) {
  const receipt = useCall('complaints.receipt', { id });
  const back = (useLocation().state as ReceiptHistory | null)?.back;
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Group className="no-print" justify="space-between">
        {back ? (
          <Button variant="default" onClick={() => void navigate(-1)}>
            Kembali
          </Button>
        ) : (
          <Button component={Link} to={`/pengaduan/${id}`} variant="default">
            Kembali
          </Button>
        )}
        <Group gap="xs">
          <ReceiptDocxButton complaintId={id} label="Unduh DOCX" disabled={!receipt.data} />
          <Button disabled={!receipt.data} onClick={() => window.print()}>
            Cetak
          </Button>
        </Group>
      </Group>
      {receipt.data ? <ReceiptPaper v={receipt.data} /> : <Loading error={receipt.error} retry={receipt.reload} />}
    </Stack>
  );
}
