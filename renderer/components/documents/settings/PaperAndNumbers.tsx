import { Code, Group, List, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { PAPERS, PAPER_LABEL, SIGNED_KINDS } from '../../../../shared/documents/kinds';
import { localDate } from '../../../../shared/time/workingTime';
import { useSession } from '../../../lib/session';
import { EXAMPLE_URUT, NumberPatternField } from './NumberPatternField';
import type { DocumentSettings, SettingsForm } from './settingsForm';

// Paper size and the outgoing number of each signed kind.
export function PaperAndNumbers() {
  const { control } = useFormContext<SettingsForm, unknown, DocumentSettings>();
  const { office } = useSession();
  const today = localDate(new Date(), office.timeZone);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const unit = office.unitCode;

  return (
    <Stack>
      <Controller
        control={control}
        name="paper"
        render={({ field, fieldState }) => (
          <Radio.Group
            label="Ukuran kertas surat"
            description="Untuk surat tanggapan, berita acara, surat penerusan dan pemberitahuan kelengkapan, di layar cetak maupun DOCX. Lembar disposisi tetap ½ folio dan kartu kendali 10 × 15 cm."
            value={field.value ?? null}
            onChange={field.onChange}
            error={fieldState.error?.message}
          >
            <Group mt="xs">
              {PAPERS.map((p) => (
                <Radio key={p} value={p} label={PAPER_LABEL[p]} />
              ))}
            </Group>
          </Radio.Group>
        )}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Pola nomor surat keluar
        </Text>
        <Text size="sm" c="dimmed">
          Nomor diberikan saat dokumen ditandatangani. Tulis kode klasifikasi arsip dan bagian tetap apa adanya; bagian dalam kurung kurawal diisi
          otomatis:
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            <Code>{'{urut}'}</Code> nomor urut surat keluar dalam tahun itu, tanpa nol di depan (wajib ada; contoh di bawah memakai {EXAMPLE_URUT})
          </List.Item>
          <List.Item>
            <Code>{'{unit}'}</Code> kode unit dari Profil kantor: {unit ? <b>{unit}</b> : 'belum diisi'}
          </List.Item>
          <List.Item>
            <Code>{'{tahun}'}</Code> tahun surat, empat angka ({year})
          </List.Item>
          <List.Item>
            <Code>{'{bulan}'}</Code> bulan surat, dua angka 01–12 ({String(month).padStart(2, '0')}), bukan angka Romawi
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Kode klasifikasi di awal pola surat tanggapan (sebelum garis miring pertama) juga dicetak sebagai Kode pada kartu kendali.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {SIGNED_KINDS.map((kind) => (
          <NumberPatternField key={kind} control={control} kind={kind} unit={unit} year={year} month={month} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
