import { Alert } from '@mantine/core';
import type { IssuedDocument } from '../../../shared/documents/issued';

export const STAND_IN_TITLE = 'Isi belum menyebutkan apa yang telah dilakukan';

// A draft whose body still holds the sentence it got because no handler noted what was
// done ("Pengaduan Saudara telah kami tindak lanjuti."): the drafter is asked to write in its
// place; those who paraf, sign or print it for a signature by hand are told before they do,
// with what they may do about it (`revise`: whether they may change the draft themselves).
export function StandInWarning({ standIn, drafter = false, revise = true }: { standIn: string; drafter?: boolean; revise?: boolean }) {
  return (
    <Alert color="orange" p="xs" title={STAND_IN_TITLE} role="status">
      Kalimat &ldquo;{standIn}&rdquo; dimasukkan otomatis karena saat draf dibuat belum ada catatan tindak lanjut maupun usulan jawaban.{' '}
      {drafter
        ? 'Ganti dengan apa yang sudah dilakukan dan hasilnya, agar isinya menyebutkan apa yang sebenarnya dilakukan.'
        : `Bila isinya belum menyebutkan apa yang sudah dilakukan, ${revise ? 'ubah draf atau ' : ''}kembalikan draf kepada penyusunnya.`}
    </Alert>
  );
}

/** A document's own warning, for those who paraf, sign or print it: "ubah draf" only where they may. */
export function DocumentStandIn({ doc }: { doc: Pick<IssuedDocument, 'standIn' | 'actions'> }) {
  return doc.standIn ? <StandInWarning standIn={doc.standIn} revise={doc.actions.includes('revise')} /> : null;
}
