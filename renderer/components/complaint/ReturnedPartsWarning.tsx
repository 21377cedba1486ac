import { createContext, useContext } from 'react';
import { Alert, Stack, Text } from '@mantine/core';
import type { DocumentAction, StepLapse } from '../../../shared/documents/issued';
import type { Journey } from '../../../shared/schemas/workflow';
import { listWords } from '../../../shared/text/words';

/** The returned parts completing step `stepNo` would end, and whether this user may dispose them first: what a form that completes it warns of. */
export type LapsingParts = Omit<StepLapse, 'by'>;

/** The returned parts waiting in the running step, which whatever completes it would end; undefined when nothing runs. */
export function lapsingOf(journey: Journey): LapsingParts | undefined {
  if (!journey.current) return undefined;
  const parts = journey.dispositions.filter((d) => d.returnAwaits);
  // 'dispose' with a part waiting adds a disposition for that part (ActionPanel).
  return { stepNo: journey.current.stepNo, parts, canRedispose: parts.length > 0 && journey.actions.includes('dispose') };
}

/** The document's stepLapse, as the core gives it, when `action` on the document completes the running step. */
export const lapsingBy = (lapse: StepLapse | null, action: DocumentAction): LapsingParts | undefined => (lapse?.by.includes(action) ? lapse : undefined);

/**
 * True around the complaint page's action panel, which has "Disposisi bagian yang
 * dikembalikan": the warning names that section there, and elsewhere (the signature queue,
 * the document page) sends the user to the complaint page.
 */
export const OnComplaintPage = createContext(false);

/** What completes the step: "Selesaikan langkah" or a take-over ('step'), a paraf, a signature on screen or by hand, the delivery or the archive record. */
type Completion = 'step' | 'paraf' | 'sign' | 'sign_wet' | 'deliver' | 'archive';

// How the warning's last paragraph begins for each, and what a user who may not dispose the
// parts holds off while he asks their disposer.
const COMPLETION: Record<Completion, { ends(stepNo: number): string; before: string }> = {
  step: { ends: (n) => `Bila langkah ${n} diselesaikan sekarang,`, before: 'menyelesaikan langkah ini' },
  paraf: { ends: (n) => `Paraf ini menyelesaikan langkah ${n}:`, before: 'memaraf' },
  sign: { ends: (n) => `Tanda tangan ini menyelesaikan langkah ${n}:`, before: 'menandatangani' },
  sign_wet: { ends: (n) => `Tanda tangan basah ini menyelesaikan langkah ${n}:`, before: 'mengunggah hasil pindai' },
  deliver: { ends: (n) => `Penyampaian ini menyelesaikan langkah ${n}:`, before: 'mencatat penyampaian' },
  archive: { ends: (n) => `Pengarsipan ini menyelesaikan langkah ${n}:`, before: 'mengarsipkan berkas' },
};

// A part a Kasi returned in this step waits for its disposer only while the step runs. Said
// before whatever completes the step, as a warning and not a refusal: the disposer may have
// decided that the part needs nobody. Only a step of work ("Selesaikan langkah", a take-over)
// can take the part in; a paraf, signature, delivery or archive record only ends its wait.
export function ReturnedPartsWarning({ lapsing, by }: { lapsing: LapsingParts; by: Completion }) {
  const here = useContext(OnComplaintPage);
  const { stepNo, parts, canRedispose } = lapsing;
  if (parts.length === 0) return null;
  const it = parts.length > 1 ? 'bagian-bagian itu' : 'bagian itu';
  const { ends, before } = COMPLETION[by];
  return (
    <Alert color="orange" p="sm" title="Bagian yang dikembalikan belum didisposisikan ulang" role="status">
      <Stack gap={4}>
        {parts.map((d) => (
          <div key={d.id}>
            <Text size="sm">
              <Text span fw={600} size="sm">
                {d.toName}
              </Text>{' '}
              mengembalikan bagian disposisinya. Bagian itu masih menunggu keputusan {d.fromName}: didisposisikan kepada Kasi lain, atau{' '}
              {by === 'step' ? 'cukup ditangani bersama langkah ini' : 'tidak perlu ditangani lagi'}.
            </Text>
            {d.returnReason && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                Alasan pengembalian: {d.returnReason}
              </Text>
            )}
          </div>
        ))}
        <Text size="sm">
          {ends(stepNo)} {it} tidak lagi menunggu disposisi, dan riwayat pengaduan mencatat bahwa {it} tidak didisposisikan ulang.{' '}
          {canRedispose
            ? `Anda dapat mendisposisikan ${it} lebih dulu ${here ? 'lewat "Disposisi bagian yang dikembalikan"' : 'di halaman pengaduan'}.`
            : `Bila ${it} masih perlu ditangani, hubungi ${listWords(parts.map((d) => d.fromName), 'atau')} sebelum ${before}.`}
        </Text>
      </Stack>
    </Alert>
  );
}
