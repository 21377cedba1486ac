import { Code, Group, List, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { DOCUMENT_KIND_LABEL, PAPERS, PAPER_LABEL, SIGNED_KINDS } from '../../../../shared/documents/kinds';
import { fillNumberPattern, REGISTER_URUT_DIGITS } from '../../../../shared/documents/numbering';
import { numberPatternSchema, registerPatternSchema } from '../../../../shared/schemas/documents';
import { useDates, useSession } from '../../../lib/session';
import { EXAMPLE_URUT, NumberPatternField } from './NumberPatternField';
import type { DocumentSettings, SettingsForm } from './settingsForm';

// Paper size, the complaint register number and the outgoing number of each signed kind.
export function PaperAndNumbers() {
  const { control } = useFormContext<SettingsForm, unknown, DocumentSettings>();
  const { office } = useSession();
  const { year, month } = useDates().thisMonth();
  const unit = office.unitCode;
  const parts = { urut: EXAMPLE_URUT, unit, year, month };

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
          Pola nomor
        </Text>
        <Text size="sm" c="dimmed">
          Tulis kode klasifikasi arsip dan bagian tetap apa adanya; bagian dalam kurung kurawal diisi otomatis:
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>
            <Code>{'{urut}'}</Code> nomor urut dalam tahun itu (wajib ada): di register empat angka ({fillNumberPattern('{urut}', parts, REGISTER_URUT_DIGITS)}), di
            surat keluar tanpa nol di depan ({EXAMPLE_URUT}); contoh di bawah memakai nomor {EXAMPLE_URUT}
          </List.Item>
          <List.Item>
            <Code>{'{unit}'}</Code> kode unit dari Profil kantor: {unit ? <b>{unit}</b> : 'belum diisi'}
          </List.Item>
          <List.Item>
            <Code>{'{tahun}'}</Code> tahun, empat angka ({year})
          </List.Item>
          <List.Item>
            <Code>{'{bulan}'}</Code> bulan, dua angka 01–12 ({fillNumberPattern('{bulan}', parts)})
          </List.Item>
          <List.Item>
            <Code>{'{bulan_romawi}'}</Code> bulan dalam angka Romawi I–XII ({fillNumberPattern('{bulan_romawi}', parts)})
          </List.Item>
        </List>
      </Stack>
      <NumberPatternField
        control={control}
        name="registerPattern"
        label="Nomor register pengaduan"
        schema={registerPatternSchema}
        parts={parts}
        urutDigits={REGISTER_URUT_DIGITS}
        note="Diberikan saat pengaduan dicatat; wajib memuat {urut} dan {tahun}. Pola baru berlaku untuk pengaduan berikutnya, nomor yang sudah diberikan tidak berubah"
      />
      <Text size="sm" c="dimmed">
        Nomor surat keluar diberikan saat dokumen ditandatangani. Kode klasifikasi di awal pola surat tanggapan (sebelum garis miring pertama) juga
        dicetak sebagai Kode pada kartu kendali.
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {SIGNED_KINDS.map((kind) => (
          <NumberPatternField
            key={kind}
            control={control}
            name={`numberPatterns.${kind}`}
            label={`Nomor ${DOCUMENT_KIND_LABEL[kind].toLowerCase()}`}
            schema={numberPatternSchema}
            parts={parts}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
