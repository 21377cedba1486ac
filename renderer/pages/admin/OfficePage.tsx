import { useEffect, useRef, useState } from 'react';
import { Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import { call } from '../../api';
import { officeProfileSchema, type OfficeProfile } from '../../../shared/schemas/office';
import type { TimeZoneId } from '../../../shared/domain';
import { hoursBetweenZones } from '../../../shared/time/workingTime';
import { zoneAbbrev } from '../../../shared/time/format';
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

  // A new time zone moves every working hour and due: asked once more before it is saved.
  const [zoneChange, setZoneChange] = useState<OfficeProfile | null>(null);
  const save = async (office: OfficeProfile) => {
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
  };
  const submit = form.handleSubmit(async ({ office }) => {
    if (loaded.data && office.timeZone !== loaded.data.timeZone) setZoneChange(office);
    else await save(office);
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
      {zoneChange && loaded.data && (
        <Modal opened onClose={() => setZoneChange(null)} title="Ganti zona waktu kantor?">
          <Stack gap="sm">
            <Text size="sm">{zoneChangeText(loaded.data.timeZone, zoneChange.timeZone)}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setZoneChange(null)}>
                Batal
              </Button>
              <Button
                color="red"
                onClick={() => {
                  const office = zoneChange;
                  setZoneChange(null);
                  void save(office);
                }}
              >
                Ya, ganti ke {zoneAbbrev(zoneChange.timeZone)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Page>
  );
}

function zoneChangeText(from: TimeZoneId, to: TimeZoneId): string {
  const shift = hoursBetweenZones(from, to);
  return (
    `Zona waktu kantor berubah dari ${zoneAbbrev(from)} ke ${zoneAbbrev(to)}. Jam kerja di Kalender kerja akan dibaca sebagai jam ${zoneAbbrev(to)}, ` +
    `sehingga setiap batas waktu pengaduan yang sedang berjalan bergeser ${shift} jam, dan tanggal serta jam di surat dan laporan ditulis dalam ${zoneAbbrev(to)}. ` +
    'Lanjutkan hanya bila kantor memang berada di zona itu.'
  );
}
