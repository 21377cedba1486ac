import { Alert } from '@mantine/core';

// A draft whose body still holds the sentence it got because no handler noted what was
// done ("Pengaduan Saudara telah kami tindak lanjuti."): the drafter is asked to write in its
// place; those who paraf and sign are told before they do.
export function StandInWarning({ standIn, drafter = false }: { standIn: string; drafter?: boolean }) {
  return (
    <Alert color="yellow" p="xs" title="Isi belum menyebut apa yang dilakukan">
      Kalimat &ldquo;{standIn}&rdquo; dipasang karena saat draf disusun belum ada catatan tindak lanjut atau usulan jawaban.{' '}
      {drafter
        ? 'Ganti dengan apa yang sudah dilakukan dan hasilnya, agar pelapor mendapat jawaban yang sebenarnya.'
        : 'Bila isinya belum menyebut apa yang sudah dilakukan, ubah draf atau kembalikan kepada penyusunnya.'}
    </Alert>
  );
}
