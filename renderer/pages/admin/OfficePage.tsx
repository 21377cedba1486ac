import { useEffect, useRef } from 'react';
import { Button, Group, Paper } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import { call } from '../../api';
import { officeProfileSchema } from '../../../shared/schemas/office';
import { OfficeFields } from '../../components/office/OfficeFields';
import { StaleEditAlert } from '../../components/StaleEditAlert';
import { Loading, Page } from '../../components/Page';
import { LeaveGuard } from '../../components/LeaveGuard';
import { showApiError, notifySuccess } from '../../lib/feedback';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';
import { focusFirstError } from '../../lib/focusFirstError';
import { useStaleEdit } from '../../lib/staleEdit';

const schema = z.object({ office: officeProfileSchema });

export function OfficePage() {
  const session = useSession();
  const loaded = useCall('office.get', {});
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema) });
  const { reset } = form;
  // The profile as this form loaded it: a save made by someone else since is refused.
  const rowVersion = useRef(0);
  const stale = useStaleEdit();
  const clearStale = stale.clear;

  useEffect(() => {
    if (!loaded.data) return;
    reset({ office: loaded.data });
    rowVersion.current = loaded.data.rowVersion;
    clearStale();
  }, [loaded.data, reset, clearStale]);

  const submit = form.handleSubmit(async ({ office }) => {
    try {
      const saved = await call('office.update', { ...office, rowVersion: rowVersion.current });
      reset({ office: saved });
      rowVersion.current = saved.rowVersion;
      notifySuccess('Profil kantor tersimpan.');
      await session.refresh();
    } catch (err) {
      if (stale.caught(err)) return;
      showApiError(err, (name, e) => form.setError(`office.${name}` as never, e), 'Profil kantor belum tersimpan');
    }
  }, focusFirstError);

  return (
    <Page title="Profil kantor" subtitle="Dipakai di kop surat, tanda terima, nomor register dan zona waktu semua batas waktu.">
      {!loaded.data ? (
        <Loading error={loaded.error} retry={loaded.reload} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Paper withBorder p="lg">
            <StaleEditAlert message={stale.message} onReload={loaded.reload} mb="md" />
            <OfficeFields control={form.control} register={form.register} errors={form.formState.errors} />
            <Group justify="flex-end" mt="md">
              <LeaveGuard dirty={form.formState.isDirty} />
              <Button type="submit" loading={form.formState.isSubmitting} disabled={!form.formState.isDirty}>
                Simpan profil kantor
              </Button>
            </Group>
          </Paper>
        </form>
      )}
    </Page>
  );
}
