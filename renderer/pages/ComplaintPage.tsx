import { useCallback, useRef, useState } from 'react';
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
import { callQuietly } from '../api';
import { useLiveEvents } from '../lib/events';
import { useUnsavedEdits } from '../components/LeaveGuard';
import { KeepTypedContext, KeptTyped, type Typed } from '../components/complaint/keptTyped';
import type { Journey } from '../../shared/schemas/workflow';
import type { IssuedDocument } from '../../shared/documents/issued';

// What another desk may change on this complaint: its step and status, who may act, the
// dispositions and the documents (a new version, a paraf, a signature).
const stateOf = (j: Journey, docs: readonly IssuedDocument[]) =>
  JSON.stringify([
    j.status,
    j.current?.stepNo,
    j.closedAt,
    j.actions,
    j.dispositions.map((d) => [d.id, d.state]),
    docs.map((d) => [d.id, d.status, d.supersededById]),
  ]);

// A change of this user's own is followed by the core's event of it; within this long after
// an action taken on this page, the page reloads without saying it changed elsewhere.
const OWN_CHANGE_MS = 3_000;

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

  // Text typed into an action the core refused because the complaint moved on meanwhile.
  const [kept, setKept] = useState<Typed[]>([]);
  const keep = useCallback((typed: Typed) => setKept((k) => [...k, typed]), []);
  // Another desk changed the complaint: 'shown' once the page shows it, 'held' while a form
  // here holds unsaved text (loading it again would take that form away).
  const [elsewhere, setElsewhere] = useState<'shown' | 'held' | null>(null);
  const ownChangeAt = useRef(0);

  const done = useCallback(
    (message: string) => {
      ownChangeAt.current = Date.now();
      setElsewhere(null);
      if (message) notifySuccess(message);
      reload();
    },
    [reload],
  );

  const j = journey.data;
  const c = complaint.data;
  const unsaved = useUnsavedEdits();
  const now = useRef({ state: '', unsaved });
  // Empty until the page has its three answers: no change is said against what it has not shown.
  now.current = { state: j && c && documents.data ? stateOf(j, documents.data) : '', unsaved };
  // Every change in the office is announced; this page asks whether it was this complaint.
  useLiveEvents((e) => {
    if (e.kind !== 'queues.changed') return;
    void Promise.all([callQuietly('workflow.journey', { id }), callQuietly('documents.list', { complaintId: id })]).then(
      ([fresh, docs]) => {
        // Not shown yet (one of the page's first answers is still on its way, and may predate
        // the change): asked again, with nothing to say changed before it was seen.
        if (!now.current.state) return reload();
        if (stateOf(fresh, docs) === now.current.state) return;
        const own = Date.now() - ownChangeAt.current < OWN_CHANGE_MS;
        if (now.current.unsaved) {
          if (!own) setElsewhere('held');
          return;
        }
        reload();
        if (!own) setElsewhere('shown');
      },
      () => undefined,
    );
  });
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
            {elsewhere && <ChangedElsewhere held={elsewhere === 'held'} onReload={() => done('')} onClose={() => setElsewhere(null)} />}
            <KeptTyped kept={kept} onClear={() => setKept([])} />
            <CurrentStep journey={j} />
            <OnComplaintPage value>
              <KeepTypedContext value={keep}>
                <ActionPanel
                  key={`${j.status}-${j.current?.stepNo ?? 0}`}
                  journey={j}
                  complaint={c}
                  documents={documents.data}
                  onDone={done}
                  onEdit={setEditing}
                />
              </KeepTypedContext>
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

// Another desk changed this complaint while it was open here.
function ChangedElsewhere({ held, onReload, onClose }: { held: boolean; onReload(): void; onClose(): void }) {
  return held ? (
    <Alert color="yellow" title="Pengaduan ini baru saja diubah di komputer lain" role="status">
      Halaman ini belum menampilkan perubahannya karena ada isian yang belum disimpan. Simpan isian itu atau salin dulu, lalu muat ulang.
      <Group mt="xs">
        <Button size="compact-sm" variant="light" onClick={onReload}>
          Muat ulang
        </Button>
      </Group>
    </Alert>
  ) : (
    <Alert color="blue" title="Pengaduan ini baru saja diubah di komputer lain" role="status" withCloseButton closeButtonLabel="Tutup" onClose={onClose}>
      Yang tampil sudah diperbarui; periksa tindakan yang tersedia sekarang.
    </Alert>
  );
}
