import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { FormProvider, useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { call } from '../../api';
import { documentSettingsInputSchema } from '../../../shared/schemas/documents';
import { FormActions, Loading, Page } from '../../components/Page';
import { StaleEditAlert } from '../../components/StaleEditAlert';
import { ControlCardFields } from '../../components/documents/settings/ControlCardFields';
import { PaperAndNumbers } from '../../components/documents/settings/PaperAndNumbers';
import { TemplateAccordion } from '../../components/documents/settings/TemplateAccordion';
import type { DocumentSettings, SettingsForm } from '../../components/documents/settings/settingsForm';
import { notifySuccess, showApiError } from '../../lib/feedback';
import { useCall } from '../../lib/useCall';
import { focusFirstError } from '../../lib/focusFirstError';
import { useStaleEdit } from '../../lib/staleEdit';

const FORM_ID = 'document-settings-form';

export function DocumentSettingsPage() {
  const loaded = useCall('documents.settings', {});
  const form = useForm<SettingsForm, unknown, DocumentSettings>({ resolver: zodResolver(documentSettingsInputSchema) });
  const { reset } = form;
  const { errors, isDirty, isSubmitting, submitCount } = form.formState;

  // The settings as this form loaded them: a save made by someone else since is refused.
  const rowVersion = useRef(0);
  const stale = useStaleEdit();
  const clearStale = stale.clear;

  useEffect(() => {
    if (!loaded.data) return;
    reset(loaded.data);
    rowVersion.current = loaded.data.rowVersion;
    clearStale();
  }, [loaded.data, reset, clearStale]);

  const submit = form.handleSubmit(async (settings) => {
    try {
      const saved = await call('documents.updateSettings', { ...settings, rowVersion: rowVersion.current });
      reset(saved);
      rowVersion.current = saved.rowVersion;
      notifySuccess('Pengaturan dokumen tersimpan. Berlaku untuk dokumen yang disusun mulai sekarang; dokumen yang sudah terbit tidak berubah.');
    } catch (err) {
      if (stale.caught(err)) return;
      showApiError(err, (name, e) => form.setError(name as Path<SettingsForm>, e), 'Pengaturan dokumen belum tersimpan');
    }
  }, focusFirstError);

  const hasErrors = submitCount > 0 && Object.keys(errors).length > 0;

  return (
    <Page
      title="Pengaturan dokumen"
      subtitle="Ukuran kertas, pola nomor register dan surat keluar, kartu kendali dan isi baku surat yang disusun Tanggap."
      actions={
        loaded.data && <FormActions formId={FORM_ID} saveLabel="Simpan pengaturan" dirty={isDirty} submitting={isSubmitting} onReset={() => reset()} />
      }
    >
      {!loaded.data ? (
        <Loading error={loaded.error} retry={loaded.reload} />
      ) : (
        <FormProvider {...form}>
          <form id={FORM_ID} onSubmit={submit} noValidate>
            <Stack>
              <StaleEditAlert message={stale.message} onReload={loaded.reload} />
              <Alert color="blue" variant="light" title="Dokumen yang sudah terbit tidak berubah">
                Pengaturan yang disimpan dipakai untuk draf dan nomor berikutnya. Dokumen yang sudah terbit disimpan beku: cetak ulangnya tetap sama
                seperti saat diterbitkan.
              </Alert>
              {hasErrors && (
                <Alert color="red" title="Pengaturan belum dapat disimpan" role="alert">
                  Perbaiki isian yang ditandai merah di bawah. Isian Anda tidak hilang.
                  {errors.root?.message && <Text size="sm">{errors.root.message}</Text>}
                </Alert>
              )}

              <Paper withBorder p="lg">
                <Stack>
                  <Title order={4}>Kertas, nomor register dan nomor surat</Title>
                  <PaperAndNumbers />
                </Stack>
              </Paper>

              <Paper withBorder p="lg">
                <Stack>
                  <Title order={4}>Kartu kendali dan kelengkapan berkas</Title>
                  <ControlCardFields />
                </Stack>
              </Paper>

              <Paper withBorder p="lg">
                <Stack>
                  <div>
                    <Title order={4}>Isi baku surat</Title>
                    <Text size="sm" c="dimmed">
                      Draf setiap surat dimulai dari isi baku ini; penyusun masih dapat mengubahnya sebelum diparaf dan ditandatangani. Isian dalam
                      kurung kurawal, misalnya {'{nama_pelapor}'}, diganti data pengaduan saat draf disusun.
                    </Text>
                  </div>
                  <TemplateAccordion />
                  <Group justify="flex-end">
                    <Button type="submit" loading={isSubmitting}>
                      Simpan pengaturan
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            </Stack>
          </form>
        </FormProvider>
      )}
    </Page>
  );
}
