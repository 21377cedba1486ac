import { useCallback, useState } from 'react';
import { Alert, Button, Grid, Group, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { Loading, Page } from '../components/Page';
import { JourneyFlags, StatusBadge } from '../components/StatusBadge';
import { PauseNote, StateBadges } from '../components/complaint/StateBadges';
import { ActionPanel } from '../components/complaint/ActionPanel';
import { OnComplaintPage } from '../components/complaint/ReturnedPartsWarning';
import { ComplaintFacts } from '../components/complaint/ComplaintFacts';
import { CurrentStep } from '../components/complaint/CurrentStep';
import { Dispositions } from '../components/complaint/Dispositions';
import { DocumentsCard } from '../components/complaint/DocumentsCard';
import { DraftEditor } from '../components/complaint/DraftEditor';
import { FollowUps } from '../components/complaint/FollowUps';
import { History } from '../components/complaint/History';
import { JourneyTimeline } from '../components/complaint/JourneyTimeline';
import { ReporterCard } from '../components/complaint/ReporterCard';
import { ComplaintSkm } from '../components/skm/ComplaintSkm';
import { notifySuccess } from '../lib/feedback';
import { ReceiptDocxButton } from '../components/ReceiptDocxButton';
import { useCall } from '../lib/useCall';

export const complaintIdOf = (param: string | undefined) => {
  const id = Number(param);
  return Number.isInteger(id) && id > 0 ? id : null;
};

// One complaint: what was reported, where it stands in the office's Standar
// Pelayanan, and what the signed-in user may do with it now.
export function ComplaintPage() {
  const id = complaintIdOf(useParams().id);
  if (id === null) {
    return (
      <Page title="Pengaduan">
        <Alert color="red">Alamat halaman tidak menunjuk pengaduan yang sah. Buka pengaduan dari Tugas saya atau Buku register.</Alert>
      </Page>
    );
  }
  return <ComplaintView key={id} id={id} />;
}

function ComplaintView({ id }: { id: number }) {
  // Opening the journey as the Kasi it is disposed to marks the disposition read.
  const journey = useCall('workflow.journey', { id });
  const complaint = useCall('complaints.get', { id });
  const documents = useCall('documents.list', { complaintId: id });
  // The draft being revised; kept here so it stays open while the step moves on.
  const [editing, setEditing] = useState<number | null>(null);

  const { reload: reloadJourney } = journey;
  const { reload: reloadComplaint } = complaint;
  const { reload: reloadDocuments } = documents;
  const reload = useCallback(() => {
    reloadJourney();
    reloadComplaint();
    reloadDocuments();
  }, [reloadJourney, reloadComplaint, reloadDocuments]);

  const done = useCallback(
    (message: string) => {
      if (message) notifySuccess(message);
      reload();
    },
    [reload],
  );

  const j = journey.data;
  const c = complaint.data;
  if (!j || !c) {
    return (
      <Page title="Pengaduan">
        <Loading error={journey.error ?? complaint.error} retry={reload} />
      </Page>
    );
  }

  return (
    <Page
      title={`Pengaduan ${c.registerNo}`}
      subtitle={c.subject}
      actions={
        <>
          <Button component={Link} to={`/pengaduan/${id}/tanda-terima`} variant="default">
            Cetak tanda terima
          </Button>
          <ReceiptDocxButton complaintId={id} />
        </>
      }
    >
      <Group gap="xs">
        <StatusBadge status={j.status} />
        <StateBadges step={j.current?.risk ?? null} standard={j.standardRisk} />
        <JourneyFlags escalated={j.escalated} paused={j.paused} />
        {j.pause && <PauseNote pause={j.pause} />}
      </Group>
      {(journey.error ?? complaint.error) && <Loading error={journey.error ?? complaint.error} retry={reload} />}
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="md">
            <ComplaintFacts c={c} />
            <ReporterCard key={String(c.personalDataMasked)} c={c} />
            <JourneyTimeline journey={j} />
            <DocumentsCard documents={documents} journey={j} />
            <Dispositions journey={j} onChanged={done} />
            <FollowUps journey={j} />
            <History events={c.events} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="md">
            <CurrentStep journey={j} />
            <OnComplaintPage value>
              <ActionPanel
                key={`${j.status}-${j.current?.stepNo ?? 0}`}
                journey={j}
                complaint={c}
                documents={documents.data}
                onDone={done}
                onEdit={setEditing}
              />
            </OnComplaintPage>
            <ComplaintSkm journey={j} registerNo={c.registerNo} onSaved={reloadJourney} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing !== null && (
        <DraftEditor
          key={editing}
          id={editing}
          satisfaction={j.satisfaction}
          onClose={() => setEditing(null)}
          onSaved={(doc) => {
            setEditing(null);
            done(`${doc.title} versi ${doc.version} tersimpan.`);
          }}
        />
      )}
    </Page>
  );
}
