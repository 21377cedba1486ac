import { useEffect, useRef } from 'react';
import { Alert, Button, Checkbox, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput, Textarea, Title } from '@mantine/core';
import { Controller, useForm, type Path } from 'react-hook-form';
import { call } from '../../api';
import { COMPLAINT_KINDS, COMPLAINT_KIND_LABEL, type ComplaintKind } from '../../../shared/domain';
import { CLOCK_STARTS, CLOCK_START_LABEL, DURATION_UNITS, DURATION_UNIT_LABEL, type ServiceStandard } from '../../../shared/standards/schema';
import { FormActions, Loading, Page } from '../../components/Page';
import { StepsEditor } from '../../components/admin/StepsEditor';
import { StaleEditAlert } from '../../components/StaleEditAlert';
import { formFieldOf, fromStandard, standardResolver, type StandardForm } from '../../components/admin/standardForm';
import { notifySuccess, showApiError } from '../../lib/feedback';
import { useCall } from '../../lib/useCall';
import { useRoleLabel } from '../../lib/session';
import { focusFirstError } from '../../lib/focusFirstError';
import { useStaleEdit } from '../../lib/staleEdit';

const FORM_ID = 'standard-form';

export function StandardPage() {
  const loaded = useCall('standard.get', {});
  const roleLabel = useRoleLabel();
  const form = useForm<StandardForm, unknown, ServiceStandard>({ resolver: standardResolver });
  const { reset, register, control } = form;
  const { errors, isDirty, isSubmitting, submitCount } = form.formState;
  // The standard as this form loaded it: a save made by someone else since is refused.
  const rowVersion = useRef(0);
  const stale = useStaleEdit();
  const clearStale = stale.clear;

  useEffect(() => {
    if (!loaded.data) return;
    reset(fromStandard(loaded.data));
    rowVersion.current = loaded.data.rowVersion;
    clearStale();
  }, [loaded.data, reset, clearStale]);

  const submit = form.handleSubmit(async (standard) => {
    try {
      const saved = await call('standard.update', { ...standard, rowVersion: rowVersion.current });
      reset(fromStandard(saved));
      rowVersion.current = saved.rowVersion;
      notifySuccess('Standar pelayanan tersimpan. Berlaku untuk pengaduan yang dicatat mulai sekarang.');
    } catch (err) {
      if (stale.caught(err)) return;
      showApiError(err, (name, e) => form.setError(formFieldOf(String(name)) as Path<StandardForm>, e), 'Standar pelayanan belum tersimpan');
    }
  }, focusFirstError);

  const hasErrors = submitCount > 0 && Object.keys(errors).length > 0;
  const lines = (name: 'requirements' | 'kelengkapanChecklist' | 'channels' | 'procedure', label: string, description: string) => (
    <Textarea label={label} description={description} autosize minRows={3} maxRows={10} {...register(name)} error={errors[name]?.message} />
  );

  return (
    <Page
      title="Standar pelayanan"
      subtitle="Standar Pelayanan pengaduan kantor ini: langkah, pelaksana dan waktu yang menentukan setiap batas waktu."
      actions={
        loaded.data && (
          <FormActions formId={FORM_ID} saveLabel="Simpan standar" dirty={isDirty} submitting={isSubmitting} onReset={() => reset()} />
        )
      }
    >
      {!loaded.data ? (
        <Loading error={loaded.error} retry={loaded.reload} />
      ) : (
        <form id={FORM_ID} onSubmit={submit} noValidate>
          <Stack>
            <StaleEditAlert message={stale.message} onReload={loaded.reload} />
            <Alert color="blue" variant="light" title="Perubahan berlaku untuk pengaduan baru">
              Standar yang disimpan dipakai untuk pengaduan yang dicatat sesudahnya. Pengaduan yang sedang berjalan tetap memakai versi standar saat
              pengaduan itu dicatat, sehingga batas waktunya tidak berubah.
            </Alert>
            {hasErrors && (
              <Alert color="red" title="Standar belum dapat disimpan" role="alert">
                Perbaiki isian yang ditandai merah di bawah. Isian Anda tidak hilang.
              </Alert>
            )}

            <Paper withBorder p="lg">
              <Stack>
                <Title order={4}>Identitas standar</Title>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <TextInput label="Nama standar pelayanan" {...register('name')} error={errors.name?.message} />
                  <TextInput label="Nomor SK" description="Surat keputusan yang menetapkan standar ini." {...register('skNumber')} error={errors.skNumber?.message} />
                  <TextInput label="Nama kantor pada standar" {...register('office')} error={errors.office?.message} />
                  <TextInput label="Kode standar" description="Kode singkat untuk membedakan versi standar." {...register('code')} error={errors.code?.message} />
                  <TextInput label="Biaya/tarif" {...register('fee')} error={errors.fee?.message} />
                  <TextInput label="Produk pelayanan" {...register('product')} error={errors.product?.message} />
                </SimpleGrid>
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Stack>
                <Title order={4}>Isi standar</Title>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  {lines('requirements', 'Persyaratan', 'Satu persyaratan per baris.')}
                  {lines('channels', 'Saluran pengaduan', 'Satu saluran per baris.')}
                  {lines('procedure', 'Prosedur', 'Satu tahap prosedur per baris, berurutan.')}
                  {lines('kelengkapanChecklist', 'Daftar periksa kelengkapan', 'Dicentang pada tanda terima; satu butir per baris.')}
                </SimpleGrid>
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Stack>
                <Title order={4}>Waktu dan ketentuan</Title>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <Controller
                      control={control}
                      name="total.amount"
                      render={({ field }) => (
                        <NumberInput
                          label="Waktu penyelesaian"
                          w={150}
                          min={0}
                          allowDecimal={false}
                          allowNegative={false}
                          value={field.value}
                          onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                          onBlur={field.onBlur}
                          // Marked too when the steps add up to more (said below the fields).
                          error={errors.total?.amount?.message ?? Boolean(errors.total?.message)}
                        />
                      )}
                    />
                    <Controller
                      control={control}
                      name="total.unit"
                      render={({ field }) => (
                        <Select
                          label="Satuan"
                          aria-label="Satuan waktu penyelesaian"
                          style={{ flex: 1 }}
                          data={DURATION_UNITS.map((u) => ({ value: u, label: DURATION_UNIT_LABEL[u] }))}
                          value={field.value}
                          onChange={(v) => field.onChange(v ?? field.value)}
                          allowDeselect={false}
                          error={errors.total?.unit?.message}
                        />
                      )}
                    />
                  </Group>
                  <Controller
                    control={control}
                    name="clockStartsWhen"
                    render={({ field }) => (
                      <Select
                        label="Waktu mulai dihitung"
                        data={CLOCK_STARTS.map((c) => ({ value: c, label: CLOCK_START_LABEL[c] }))}
                        value={field.value}
                        onChange={(v) => field.onChange(v ?? field.value)}
                        allowDeselect={false}
                        error={errors.clockStartsWhen?.message}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name="autoWithdrawHariKerja"
                    render={({ field }) => (
                      <NumberInput
                        label="Dicabut otomatis bila tidak dilengkapi (hari kerja)"
                        description="Berkas berstatus tidak lengkap dicabut setelah sekian hari kerja."
                        min={1}
                        max={60}
                        // Out of range stays as typed and the save says why.
                        clampBehavior="none"
                        allowDecimal={false}
                        allowNegative={false}
                        value={field.value}
                        onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                        onBlur={field.onBlur}
                        error={errors.autoWithdrawHariKerja?.message}
                      />
                    )}
                  />
                </SimpleGrid>
                {errors.total?.message && (
                  <Alert color="red" role="alert">
                    {errors.total.message}
                  </Alert>
                )}
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Controller
                    control={control}
                    name="complaintKinds"
                    render={({ field }) => (
                      <Checkbox.Group
                        label="Jenis pengaduan yang dilayani"
                        value={field.value}
                        onChange={(v) => field.onChange(COMPLAINT_KINDS.filter((k) => v.includes(k)) as ComplaintKind[])}
                        error={errors.complaintKinds?.message ?? errors.complaintKinds?.root?.message}
                      >
                        <Group mt="xs">
                          {COMPLAINT_KINDS.map((k) => (
                            <Checkbox key={k} value={k} label={COMPLAINT_KIND_LABEL[k]} />
                          ))}
                        </Group>
                      </Checkbox.Group>
                    )}
                  />
                  <Controller
                    control={control}
                    name="resolutionRecord"
                    render={({ field }) => (
                      <Switch
                        mt="lg"
                        label={`${roleLabel('camat')} menandatangani berita acara hasil penyelesaian`}
                        description="Dengan pernyataan pelapor puas atau tidak puas."
                        checked={field.value}
                        onChange={(e) => field.onChange(e.currentTarget.checked)}
                        error={errors.resolutionRecord?.message}
                      />
                    )}
                  />
                </SimpleGrid>
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Stack>
                <Title order={4}>Langkah dan waktu per langkah</Title>
                <StepsEditor control={control} register={register} errors={errors} />
              </Stack>
            </Paper>

            <Group justify="flex-end">
              <Button type="submit" loading={isSubmitting}>
                Simpan standar
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Page>
  );
}
