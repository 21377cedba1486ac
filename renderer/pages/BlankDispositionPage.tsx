import { Button, Group } from '@mantine/core';
import { DocumentPaper } from '../components/documents/DocumentPaper';
import { PrintButtons } from '../components/documents/PrintButtons';
import { Loading, Page } from '../components/Page';
import { downloadFile } from '../lib/files';
import { useCall } from '../lib/useCall';

// An empty lembar disposisi (½ folio) with the office's kop and the names of the
// Sekcam and every Kasi, for dispositions written by hand.
export function BlankDispositionPage() {
  const sheet = useCall('documents.blankDispositionSheet', {});
  const data = sheet.data;

  return (
    <Page
      title="Lembar disposisi kosong"
      subtitle="Untuk disposisi tulis tangan, misalnya atas surat masuk di luar aplikasi. Ukuran ½ folio (215 × 165 mm)."
      actions={
        <Group gap="xs">
          <Button variant="default" disabled={!data} onClick={() => data && downloadFile(data.file)}>
            Unduh DOCX
          </Button>
          <PrintButtons fileName="Lembar disposisi kosong" page="HALF_F4" disabled={!data} />
        </Group>
      }
    >
      {data ? <DocumentPaper content={{ family: 'disposition', view: data.view }} /> : <Loading error={sheet.error} retry={sheet.reload} />}
    </Page>
  );
}
