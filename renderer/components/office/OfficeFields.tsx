import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Button, FileButton, Group, Image, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type * as z from 'zod';
import { LOGO_MAX_BYTES, TIME_ZONES, TIME_ZONE_LABEL } from '../../../shared/domain';
import { isPngOrJpeg } from '../../../shared/schemas/common';
import { LOGO_NOT_IMAGE, type officeProfileSchema } from '../../../shared/schemas/office';
import { readAsDataUrl } from '../../lib/files';
import { notifyError } from '../../lib/feedback';

export type OfficeForm = { office: z.input<typeof officeProfileSchema> };

interface Props<T extends OfficeForm> {
  control: Control<T>;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
}

// The office profile as the setup page and the admin's settings both edit it.
export function OfficeFields<T extends OfficeForm>(props: Props<T>) {
  // The generic form narrows to its office part here; names stay type-checked below.
  const control = props.control as unknown as Control<OfficeForm>;
  const register = props.register as unknown as UseFormRegister<OfficeForm>;
  const errors = (props.errors as FieldErrors<OfficeForm>).office;
  const kopError = errors?.kopLines?.message ?? (Array.isArray(errors?.kopLines) ? errors.kopLines.find((e) => e?.message)?.message : undefined);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={control}
          name="office.level"
          render={({ field }) => (
            <Select
              label="Jenis kantor"
              withAsterisk
              data={[
                { value: 'kecamatan', label: 'Kecamatan' },
                { value: 'unit_lain', label: 'Unit pelayanan lain (badan, dinas, kelurahan)' },
              ]}
              value={field.value}
              onChange={(v) => field.onChange(v ?? 'kecamatan')}
              allowDeselect={false}
              error={errors?.level?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="office.timeZone"
          render={({ field }) => (
            <Select
              label="Zona waktu"
              withAsterisk
              data={TIME_ZONES.map((z) => ({ value: z, label: TIME_ZONE_LABEL[z] }))}
              value={field.value}
              onChange={(v) => field.onChange(v ?? 'Asia/Jakarta')}
              allowDeselect={false}
              error={errors?.timeZone?.message}
            />
          )}
        />
        <TextInput label="Nama kantor" withAsterisk placeholder="contoh: Kecamatan Kejayan" {...register('office.name')} error={errors?.name?.message} />
        <TextInput label="Nama singkat" withAsterisk placeholder="contoh: Kec. Kejayan" {...register('office.shortName')} error={errors?.shortName?.message} />
        <Controller
          control={control}
          name="office.regionType"
          render={({ field }) => (
            <Select
              label="Kabupaten atau kota"
              withAsterisk
              data={[
                { value: 'kabupaten', label: 'Kabupaten' },
                { value: 'kota', label: 'Kota' },
              ]}
              value={field.value}
              onChange={(v) => field.onChange(v ?? 'kabupaten')}
              allowDeselect={false}
              error={errors?.regionType?.message}
            />
          )}
        />
        <TextInput label="Nama kabupaten/kota" withAsterisk placeholder="contoh: Pasuruan" {...register('office.region')} error={errors?.region?.message} />
      </SimpleGrid>
      <TextInput label="Alamat kantor" withAsterisk placeholder="contoh: Jl. Raya Kejayan No. 1" {...register('office.address')} error={errors?.address?.message} />
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput label="Kode pos" {...register('office.postalCode')} error={errors?.postalCode?.message} />
        <TextInput label="Telepon kantor" {...register('office.phone')} error={errors?.phone?.message} />
        <TextInput label="Email kantor" {...register('office.email')} error={errors?.email?.message} />
        <TextInput label="Situs web" {...register('office.website')} error={errors?.website?.message} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={control}
          name="office.kopLines"
          render={({ field }) => (
            <Textarea
              label="Kop surat"
              withAsterisk
              description="Tulis tiap baris kop pada baris sendiri, paling banyak empat. Contoh: PEMERINTAH KABUPATEN PASURUAN, lalu KECAMATAN KEJAYAN."
              autosize
              minRows={2}
              value={(field.value ?? []).join('\n')}
              onChange={(e) => field.onChange(e.currentTarget.value.split('\n'))}
              error={kopError}
            />
          )}
        />
        <Stack gap="sm">
          <TextInput
            label="Sebutan pimpinan"
            withAsterisk
            description="Dipakai di blok tanda tangan, contoh: Camat Kejayan atau Kepala BKPSDM."
            {...register('office.headTitle')}
            error={errors?.headTitle?.message}
          />
          <TextInput
            label="Kode unit"
            withAsterisk
            description="Mengisi {unit} pada pola nomor surat keluar dan nomor register (pola diatur di Pengaturan dokumen), contoh: Kec-Kjy."
            {...register('office.unitCode')}
            error={errors?.unitCode?.message}
          />
        </Stack>
      </SimpleGrid>
      <Controller
        control={control}
        name="office.logo"
        render={({ field }) => (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Logo kop surat (PNG atau JPG, paling besar 512 KB)
            </Text>
            <Group>
              {field.value ? <Image src={field.value} alt="Logo kantor" h={64} w="auto" fit="contain" /> : <Text c="dimmed" size="sm">Belum ada logo.</Text>}
              <FileButton
                accept="image/png,image/jpeg"
                onChange={async (file) => {
                  if (!file) return;
                  if (!['image/png', 'image/jpeg'].includes(file.type)) return notifyError('Logo harus gambar PNG atau JPG.', 'Logo tidak dapat dipakai');
                  if (file.size > LOGO_MAX_BYTES) return notifyError('Logo paling besar 512 KB; perkecil gambarnya dulu.', 'Logo tidak dapat dipakai');
                  try {
                    const logo = await readAsDataUrl(file);
                    if (!isPngOrJpeg(logo)) return notifyError(LOGO_NOT_IMAGE, 'Logo tidak dapat dipakai');
                    field.onChange(logo);
                  } catch (err) {
                    notifyError(err instanceof Error ? err.message : String(err), 'Logo tidak dapat dipakai');
                  }
                }}
              >
                {(p) => (
                  <Button variant="light" size="xs" {...p}>
                    Pilih logo
                  </Button>
                )}
              </FileButton>
              {field.value && (
                <Button variant="subtle" color="red" size="xs" onClick={() => field.onChange('')}>
                  Hapus logo
                </Button>
              )}
            </Group>
            {errors?.logo?.message && (
              <Text c="red" size="xs">
                {errors.logo.message}
              </Text>
            )}
          </Stack>
        )}
      />
    </Stack>
  );
}
