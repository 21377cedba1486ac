import { Alert, Stack, Text } from '@mantine/core';
import type { DocumentAction, DocumentWithContent, IssuedDocument } from '../../../shared/documents/issued';
import type { Journey } from '../../../shared/schemas/workflow';
import { listWords } from '../../../shared/text/words';
import { useCall } from '../../lib/useCall';

/** What a completion would end: the parts Kasi returned that wait for their disposer (returnAwaits), and whether this user may dispose them first. */
export interface ReturnedParts {
  parts: Journey['dispositions'];
  canRedispose: boolean;
}

/** The returned parts completing step `stepNo` would end: what a form that completes it warns of. */
export interface LapsingParts {
  stepNo: number;
  returned: ReturnedParts;
}

/** The returned parts waiting in the running step, which whatever completes it would end; undefined when nothing runs. */
export function lapsingOf(journey: Journey): LapsingParts | undefined {
  if (!journey.current) return undefined;
  const parts = journey.dispositions.filter((d) => d.returnAwaits);
  // 'dispose' with a part waiting adds a disposition for that part (ActionPanel).
  return { stepNo: journey.current.stepNo, returned: { parts, canRedispose: parts.length > 0 && journey.actions.includes('dispose') } };
}

/** The same, with the actions on a document that complete the running step: their dialogs warn. */
export type DocumentLapsing = LapsingParts & { by: readonly DocumentAction[] };

// As main/core/documents/service.ts completes it: a paraf always (offered only at a paraf
// step, to its executor), a signature only of the standard's answer at the signing step
// (not of a side exit's letter).
export function documentLapsing(journey: Journey, doc: Pick<IssuedDocument, 'kind'>): DocumentLapsing | undefined {
  const lapsing = lapsingOf(journey);
  if (!lapsing) return undefined;
  const stage = journey.steps.find((s) => s.no === lapsing.stepNo)?.stage;
  return { ...lapsing, by: doc.kind === journey.answerKind && stage === 'penandatanganan' ? ['paraf', 'sign', 'sign_wet'] : ['paraf'] };
}

/**
 * documentLapsing for a page that shows a document without its complaint (the signature
 * queue, the document page): the journey is asked for only when this user may paraf or sign
 * the document and open its complaint.
 */
export function useDocumentLapsing(doc: Pick<DocumentWithContent, 'kind' | 'complaintId' | 'complaintOpen' | 'actions'> | undefined): DocumentLapsing | undefined {
  const complaintId = doc?.complaintOpen ? doc.complaintId : null;
  const completes = !!doc?.actions.some((a) => a === 'paraf' || a === 'sign' || a === 'sign_wet');
  const journey = useCall('workflow.journey', { id: complaintId ?? 0 }, complaintId !== null && completes);
  return doc && completes && journey.data?.id === complaintId ? documentLapsing(journey.data, doc) : undefined;
}

/** "a, b atau c", each once. */
export const orWords = (words: string[]) => listWords(words, 'atau');

// A part a Kasi returned in this step waits for its disposer only while the step runs. Said
// before whatever completes the step (the confirmation of "Selesaikan langkah" or of a
// take-over, a paraf, a signature, the delivery or archive record), as a warning and not a
// refusal: the disposer may have decided that the part needs nobody.
export function ReturnedPartsWarning({ stepNo, returned }: LapsingParts) {
  const { parts, canRedispose } = returned;
  if (parts.length === 0) return null;
  const it = parts.length > 1 ? 'bagian-bagian itu' : 'bagian itu';
  return (
    <Alert color="orange" p="sm" title="Bagian yang dikembalikan belum didisposisikan ulang" role="status">
      <Stack gap={4}>
        {parts.map((d) => (
          <div key={d.id}>
            <Text size="sm">
              <Text span fw={600} size="sm">
                {d.toName}
              </Text>{' '}
              mengembalikan bagian disposisinya. Bagian itu masih menunggu keputusan {d.fromName}: didisposisikan kepada Kasi lain, atau cukup
              ditangani bersama langkah ini.
            </Text>
            {d.returnReason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Alasan pengembalian: {d.returnReason}
              </Text>
            )}
          </div>
        ))}
        <Text size="sm">
          Bila langkah {stepNo} diselesaikan sekarang, {it} tidak lagi menunggu disposisi, dan riwayat pengaduan mencatat bahwa {it} tidak
          didisposisikan ulang.{' '}
          {canRedispose
            ? `Anda dapat mendisposisikan ${it} lebih dulu lewat "Disposisi bagian yang dikembalikan".`
            : `Bila ${it} masih perlu ditangani, hubungi ${orWords(parts.map((d) => d.fromName))} sebelum menyelesaikan langkah ini.`}
        </Text>
      </Stack>
    </Alert>
  );
}
