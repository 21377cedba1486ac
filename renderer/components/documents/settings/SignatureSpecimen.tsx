import { useEffect, useState } from 'react';
import { Alert, Box, Button, FileButton, Group, Image, Stack, Text } from '@mantine/core';
import { call } from '../../../api';
import { isPngOrJpeg } from '../../../../shared/schemas/common';
import { SIGNATURE_MAX_BYTES, SIGNATURE_NOT_IMAGE } from '../../../../shared/schemas/documents';
import { Loading } from '../../Page';
import { notifyError, notifySuccess } from '../../../lib/feedback';
import { formatBytes, readAsDataUrl } from '../../../lib/files';
import { useCall } from '../../../lib/useCall';

const TYPES = ['image/png', 'image/jpeg'];

// The same limits the core checks, said before anything is read or sent.
function imageProblem(file: File): string | null {
  if (!TYPES.includes(file.type)) return `Berkas "${file.name}" bukan gambar PNG atau JPG. Pindai atau foto tanda tangan, lalu simpan sebagai PNG.`;
  if (file.size > SIGNATURE_MAX_BYTES)
    return `Berkas "${file.name}" ${formatBytes(file.size)}, lebih besar dari ${SIGNATURE_MAX_BYTES / 1024} KB. Potong gambar hanya sekitar tanda tangan atau perkecil ukurannya.`;
  if (file.size === 0) return `Berkas "${file.name}" kosong.`;
  return null;
}

// The signature specimen of whoever signs on screen (Camat, Sekcam, a Plt./Plh.), printed on what they sign.
export function SignatureSpecimen() {
  const loaded = useCall('auth.signature', {});
  const [saved, setSaved] = useState<string | undefined>();
  // null: nothing changed; '' : removed; otherwise the chosen image, not yet saved.
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) setSaved(loaded.data.image);
  }, [loaded.data]);

  if (saved === undefined) return <Loading error={loaded.error} retry={loaded.reload} />;
  const shown = draft ?? saved;
  const changed = draft !== null && draft !== saved;

  const pick = async (file: File | null) => {
    if (!file) return;
    const p = imageProblem(file);
    setProblem(p);
    if (p) return;
    try {
      const image = await readAsDataUrl(file);
      if (isPngOrJpeg(image)) setDraft(image);
      else setProblem(SIGNATURE_NOT_IMAGE);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  };

  const save = async () => {
    if (draft === null) return;
    setBusy(true);
    try {
      const result = await call('auth.setSignature', { image: draft });
      setSaved(result.image);
      setDraft(null);
      setProblem(null);
      notifySuccess(result.image ? 'Contoh tanda tangan tersimpan.' : 'Contoh tanda tangan sudah dihapus.');
    } catch (err) {
      notifyError(err, 'Tanda tangan belum tersimpan');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light">
        Tanda tangan ini dicetak pada dokumen yang Anda tandatangani di aplikasi. Ini bukan tanda tangan elektronik tersertifikasi (BSrE).
      </Alert>
      <Box
        h={140}
        style={{ border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 4, background: 'white', display: 'flex', alignItems: 'center', justifyContent: 'center' }}
      >
        {shown ? (
          <Image src={shown} alt="Contoh tanda tangan" mah={120} maw="90%" w="auto" fit="contain" />
        ) : (
          <Text c="dimmed" size="sm">
            {draft === '' ? 'Tanda tangan akan dihapus setelah disimpan.' : 'Belum ada contoh tanda tangan.'}
          </Text>
        )}
      </Box>
      <Text size="xs" c="dimmed">
        PNG atau JPG, paling besar {SIGNATURE_MAX_BYTES / 1024} KB. Disarankan PNG berlatar transparan dengan tinta gelap, dipotong rapat di sekitar
        tanda tangan, agar cap dinas tetap terlihat di atasnya.
      </Text>
      {problem && (
        <Text c="red" size="sm" role="alert">
          {problem}
        </Text>
      )}
      <Group gap="xs">
        <FileButton accept="image/png,image/jpeg" onChange={(f) => void pick(f)}>
          {(p) => (
            <Button variant="light" {...p} disabled={busy}>
              {shown ? 'Ganti gambar' : 'Pilih gambar'}
            </Button>
          )}
        </FileButton>
        {shown && (
          <Button variant="subtle" color="red" disabled={busy} onClick={() => setDraft('')}>
            Hapus tanda tangan
          </Button>
        )}
        {changed && (
          <>
            <Button loading={busy} onClick={() => void save()}>
              Simpan tanda tangan
            </Button>
            <Button
              variant="default"
              disabled={busy}
              onClick={() => {
                setDraft(null);
                setProblem(null);
              }}
            >
              Batalkan
            </Button>
          </>
        )}
      </Group>
      {changed && (
        <Text size="xs" c="orange">
          Perubahan belum disimpan.
        </Text>
      )}
    </Stack>
  );
}
