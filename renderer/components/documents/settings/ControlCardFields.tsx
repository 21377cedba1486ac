import { SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useFormContext } from 'react-hook-form';
import type { DocumentSettings, SettingsForm } from './settingsForm';

const COPIES = ['pertama', 'kedua', 'ketiga'] as const;

// The labels printed on the three copies of the kartu kendali, and where the
// reporter brings what is missing from a berkas.
export function ControlCardFields() {
  const { register, formState } = useFormContext<SettingsForm, unknown, DocumentSettings>();
  const errors = formState.errors;
  const listError = errors.controlCardCopies?.message ?? errors.controlCardCopies?.root?.message;

  return (
    <Stack>
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          Label lembar kartu kendali
        </Text>
        <Text size="sm" c="dimmed">
          Kartu kendali dicetak tiga lembar sekaligus; label ini tercetak di setiap lembar agar jelas lembar mana untuk siapa (misalnya arsip,
          pengolah, penerima).
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {COPIES.map((name, i) => (
            <TextInput key={name} label={`Lembar ${name}`} {...register(`controlCardCopies.${i}`)} error={errors.controlCardCopies?.[i]?.message} />
          ))}
        </SimpleGrid>
        {listError && (
          <Text c="red" size="xs" role="alert">
            {listError}
          </Text>
        )}
      </Stack>
      <TextInput
        label="Tempat menyerahkan kelengkapan"
        description="Dicetak pada pemberitahuan kelengkapan berkas sebagai {tempat_kelengkapan}, dan pada tanda terima bila ada kelengkapan yang belum ada. Contoh: Loket Pengaduan Kantor Kecamatan Kejayan."
        {...register('kelengkapanPlace')}
        error={errors.kelengkapanPlace?.message}
      />
    </Stack>
  );
}
