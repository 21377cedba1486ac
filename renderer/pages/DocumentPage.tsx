import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { DOCUMENT_KIND_LABEL } from '../../shared/documents/kinds';
import type { DocumentWithContent, IssuedDocument } from '../../shared/documents/issued';
import { call } from '../api';
import { Loading, Page } from '../components/Page';
import { DocumentDocxButton, DocumentStatusBadge, DocumentTrail } from '../components/complaint/DocumentsCard';
import { DocumentActions } from '../components/complaint/DocumentForms';
import { DraftEditor, LetterDiff, draftContentOf, letterTextOf } from '../components/complaint/DraftEditor';
import { DocumentPaper } from '../components/documents/DocumentPaper';
import { PrintButtons } from '../components/documents/PrintButtons';
import { notifyError, notifySuccess } from '../lib/feedback';
import { downloadFile } from '../lib/files';
import { useCall } from '../lib/useCall';
import { complaintIdOf } from './ComplaintPage';

/** "Surat tanggapan 000.8.3.4-12-Kec-Kjy-2026": what the PDF is saved as. */
export const printFileName = (d: Pick<DocumentWithContent, 'kind' | 'number' | 'registerNo' | 'version' | 'id'>) =>
  `${DOCUMENT_KIND_LABEL[d.kind]} ${(d.number || d.registerNo || String(d.id)).replace(/[/\\]+/g, '-')}${d.version > 1 && !d.number ? ` versi ${d.version}` : ''}`;

// One issued document: the paper as it prints, its trail, and what the user may do with it.
export function DocumentPage() {
  const id = complaintIdOf(useParams().id);
  if (id === null) {
    return (
      <Page title="Dokumen">
        <Alert color="red">Alamat halaman tidak menunjuk dokumen yang sah. Buka dokumen dari halaman pengaduan.</Alert>
      </Page>
    );
  }
  return <DocumentView key={id} id={id} />;
}

function ScanButton({ id }: { id: number }) {
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      downloadFile(await call('documents.scan', { id }));
    } catch (err) {
      notifyError(err, 'Hasil pindai tidak dapat diunduh');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" loading={busy} onClick={() => void download()}>
      Unduh hasil pindai
    </Button>
  );
}

// What the drafter changed since the version this one replaced (always the version
// before it), as the document came: opening that version too would be a second opening.
function ChangesSincePrevious({ doc }: { doc: DocumentWithContent }) {
  if (doc.supersedesId === null || doc.content.family !== 'letter') return null;
  return (
    <Card withBorder padding="md" className="no-print">
      <LetterDiff
        before={letterTextOf(draftContentOf({ ...doc, draft: doc.previousDraft }))}
        after={letterTextOf(draftContentOf(doc))}
        title={`Perubahan dari versi ${doc.version - 1}`}
      />
    </Card>
  );
}

function DocumentView({ id }: { id: number }) {
  const navigate = useNavigate();
  const doc = useCall('documents.get', { id });
  const [editing, setEditing] = useState(false);
  const d = doc.data;
  if (!d) {
    return (
      <Page title="Dokumen">
        <Loading error={doc.error} retry={doc.reload} />
      </Page>
    );
  }
  const changed = (message: string, next?: IssuedDocument) => {
    if (message) notifySuccess(message);
    // A Kasi acting for the head reads a letter of a complaint not his only to sign it: once he
    // has returned it, it is no longer his to open, and his signature queue is where he goes on.
    if (next && !d.complaintOpen && next.actions.length === 0) void navigate('/tanda-tangan');
    else doc.reload();
  };
  return (
    <Page
      title={d.number ? `${d.title} ${d.number}` : d.title}
      subtitle={`Versi ${d.version}${d.registerNo ? ` · Pengaduan ${d.registerNo}` : ''}`}
      actions={
        <>
          {d.complaintOpen && (
            <Button component={Link} to={`/pengaduan/${d.complaintId}`} variant="default">
              Kembali ke pengaduan
            </Button>
          )}
          <PrintButtons fileName={printFileName({ ...d, number: d.number || (d.wetPaper?.printed ? d.wetPaper.number : '') })} page={d.page} />
          <DocumentDocxButton id={d.id} label="Unduh DOCX" />
          {d.hasScan && <ScanButton id={d.id} />}
        </>
      }
    >
      <Stack gap="md" className="no-print">
        {d.supersededById !== null && (
          <Alert color="gray" title="Versi lama">
            Versi ini sudah diganti versi baru.{' '}
            <Anchor component={Link} to={`/dokumen/${d.supersededById}`}>
              Buka versi terbaru
            </Anchor>
          </Alert>
        )}
        <Card withBorder padding="md">
          <Group justify="space-between" align="flex-start" gap="md">
            <Stack gap={6}>
              <Group gap="xs">
                <Title order={4}>Status</Title>
                <DocumentStatusBadge status={d.status} />
              </Group>
              {!d.number && !d.wetPaper && d.status === 'draf' && !d.returned && d.supersededById === null && (
                <Text size="sm" c="dimmed">
                  Nomor surat diberikan saat ditandatangani.
                </Text>
              )}
              {d.status === 'ditandatangani_basah' && (
                <Text size="sm" c="dimmed">
                  Yang sah lembar yang ditandatangani dengan tangan; cetakan dan DOCX di sini tanpa tanda tangan. Hasil pindainya: Unduh hasil pindai.
                </Text>
              )}
              <DocumentTrail doc={d} />
              {d.verifyCode && (
                <Text size="sm">
                  Kode periksa: <b>{d.verifyCode}</b>
                </Text>
              )}
            </Stack>
            <DocumentActions doc={d} onChanged={changed} onRevise={() => setEditing(true)} />
          </Group>
        </Card>
        <ChangesSincePrevious key={d.supersedesId ?? 0} doc={d} />
      </Stack>
      <DocumentPaper content={d.content} notInForce={d.notInForce} />
      {editing && (
        <DraftEditor
          id={d.id}
          loaded={d}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            notifySuccess(`${next.title} versi ${next.version} tersimpan.`);
            void navigate(`/dokumen/${next.id}`);
          }}
        />
      )}
    </Page>
  );
}
