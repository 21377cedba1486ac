import { useEffect, useRef, useState } from 'react';
import { Accordion, Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Controller, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { IconPlus } from '@tabler/icons-react';
import { call } from '../../api';
import { TIME_ZONE_LABEL } from '../../../shared/domain';
import { formatTanggal } from '../../../shared/time/format';
import { ramadanWeek, type OfficeCalendar } from '../../../shared/time/workingTime';
import { FormActions, Loading, Page } from '../../components/Page';
import { DateText } from '../../components/admin/DateText';
import { ClosuresEditor } from '../../components/admin/ClosuresEditor';
import { IcsImport } from '../../components/admin/IcsImport';
import { WeekGrid } from '../../components/admin/WeekGrid';
import { calendarResolver, fromCalendar, weekForm, type CalendarForm } from '../../components/admin/calendarForm';
import { StaleEditAlert } from '../../components/StaleEditAlert';
import { notifySuccess, showApiError } from '../../lib/feedback';
import { focusFirstError } from '../../lib/focusFirstError';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';
import { useStaleEdit } from '../../lib/staleEdit';

const FORM_ID = 'calendar-form';

export function CalendarPage() {
  const { office, refresh } = useSession();
  const loaded = useCall('calendar.get', {});
  const form = useForm<CalendarForm, unknown, OfficeCalendar>({ resolver: calendarResolver });
  const { reset, register, control } = form;
  const { errors, isDirty, isSubmitting, submitCount } = form.formState;
  const special = useFieldArray({ control, name: 'special' });
  const specialValues = useWatch({ control, name: 'special' });
  const timeZone = office.timeZone;
  const [openSpecial, setOpenSpecial] = useState<string[]>([]);

  // The calendar as this form loaded it: a save made by someone else since is refused.
  const rowVersion = useRef(0);
  const stale = useStaleEdit();
  const clearStale = stale.clear;

  useEffect(() => {
    if (!loaded.data) return;
    reset(fromCalendar(loaded.data));
    rowVersion.current = loaded.data.rowVersion;
    clearStale();
  }, [loaded.data, reset, clearStale]);

  // A schedule just added opens for editing.
  const added = useRef(false);
  useEffect(() => {
    const last = special.fields[special.fields.length - 1];
    if (added.current && last) setOpenSpecial((open) => [...open, last.id]);
    added.current = false;
  }, [special.fields]);

  // A special schedule with a problem opens, so the message is seen.
  useEffect(() => {
    const withErrors = (errors.special ?? []) as unknown[];
    const keys = special.fields.filter((_, i) => withErrors[i]).map((f) => f.id);
    if (keys.length > 0) setOpenSpecial((open) => [...new Set([...open, ...keys])]);
  }, [errors.special, special.fields, submitCount]);

  const submit = form.handleSubmit(async (calendar) => {
    try {
      const saved = await call('calendar.update', { ...calendar, rowVersion: rowVersion.current });
      reset(fromCalendar(saved));
      rowVersion.current = saved.rowVersion;
      // The session's copy shows due times; it follows the saved calendar.
      void refresh();
      // A due is worked out when its step (or the complaint's clock) starts, and kept.
      notifySuccess('Kalender kerja tersimpan. Batas waktu yang ditetapkan mulai sekarang memakai kalender ini; batas waktu yang sudah berjalan tetap.');
    } catch (err) {
      if (stale.caught(err)) return;
      showApiError(err, (name, e) => form.setError(name as Path<CalendarForm>, e), 'Kalender kerja belum tersimpan');
    }
  }, focusFirstError);

  const hasErrors = submitCount > 0 && Object.keys(errors).length > 0;

  return (
    <Page
      title="Kalender kerja"
      subtitle="Hari dan jam kerja, jadwal khusus (misalnya Ramadan) dan hari libur: dasar penghitungan setiap batas waktu."
      actions={
        loaded.data && (
          <FormActions formId={FORM_ID} saveLabel="Simpan kalender" dirty={isDirty} submitting={isSubmitting} onReset={() => reset()} />
        )
      }
    >
      {!loaded.data ? (
        <Loading error={loaded.error} retry={loaded.reload} />
      ) : (
        <form id={FORM_ID} onSubmit={submit} noValidate>
          <Stack>
            <StaleEditAlert message={stale.message} onReload={loaded.reload} />
            {hasErrors && (
              <Alert color="red" title="Kalender belum dapat disimpan" role="alert">
                Perbaiki isian yang ditandai merah di bawah. Isian Anda tidak hilang.
              </Alert>
            )}
            <Paper withBorder p="lg">
              <Stack>
                <Title order={4}>Zona waktu dan jam kerja</Title>
                {/* The core counts every due time in the office profile's zone; the calendar follows it. */}
                <Text size="sm">
                  Zona waktu: <b>{TIME_ZONE_LABEL[office.timeZone]}</b>, mengikuti profil kantor (ubah di menu Profil kantor).
                </Text>
                <Text size="sm" c="dimmed">
                  Hari tanpa centang Masuk adalah hari libur mingguan. Waktu di luar jam kerja dan jam istirahat tidak dihitung untuk batas waktu
                  dalam menit dan jam.
                </Text>
                <WeekGrid control={control} register={register} prefix="week" errors={errors.week} />
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Stack>
                <Group justify="space-between">
                  <div>
                    <Title order={4}>Jadwal khusus</Title>
                    <Text size="sm" c="dimmed">
                      Jam kerja lain untuk rentang tanggal tertentu, misalnya bulan Ramadan. Di luar rentang ini berlaku jam kerja biasa.
                    </Text>
                  </div>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={16} />}
                    disabled={special.fields.length >= 20}
                    onClick={() => {
                      added.current = true;
                      special.append({ name: '', from: '', to: '', week: weekForm(ramadanWeek()) });
                    }}
                  >
                    Tambah jadwal khusus
                  </Button>
                </Group>
                {special.fields.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Belum ada jadwal khusus.
                  </Text>
                ) : (
                  <Accordion multiple variant="separated" value={openSpecial} onChange={setOpenSpecial}>
                    {special.fields.map((f, i) => {
                      const v = specialValues?.[i];
                      const e = errors.special?.[i];
                      const range = v?.from && v?.to ? `${formatTanggal(v.from, timeZone)} – ${formatTanggal(v.to, timeZone)}` : 'tanggal belum diisi';
                      return (
                        <Accordion.Item key={f.id} value={f.id}>
                          <Accordion.Control>
                            <Text fw={500} c={e ? 'red' : undefined}>
                              {v?.name || 'Jadwal khusus baru'} <Text span c="dimmed" size="sm">({range})</Text>
                            </Text>
                          </Accordion.Control>
                          <Accordion.Panel>
                            <Stack>
                              <Group align="flex-start" gap="sm">
                                <TextInput label="Nama jadwal" placeholder="contoh: Ramadan 1448 H" style={{ flex: 1, minWidth: 220 }} {...register(`special.${i}.name`)} error={e?.name?.message} />
                                <Controller
                                  control={control}
                                  name={`special.${i}.from`}
                                  render={({ field }) => (
                                    <DateText label="Mulai tanggal" w={170} tz={timeZone} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={e?.from?.message} />
                                  )}
                                />
                                <Controller
                                  control={control}
                                  name={`special.${i}.to`}
                                  render={({ field }) => (
                                    <DateText label="Sampai tanggal" w={170} tz={timeZone} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={e?.to?.message} />
                                  )}
                                />
                              </Group>
                              <WeekGrid control={control} register={register} prefix={`special.${i}.week`} suffix={` (${v?.name || `jadwal khusus ${i + 1}`})`} errors={e?.week} />
                              <Group justify="flex-end">
                                <Button variant="subtle" color="red" onClick={() => special.remove(i)}>
                                  Hapus jadwal khusus ini
                                </Button>
                              </Group>
                            </Stack>
                          </Accordion.Panel>
                        </Accordion.Item>
                      );
                    })}
                  </Accordion>
                )}
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Stack>
                <div>
                  <Title order={4}>Hari libur dan cuti bersama</Title>
                  <Text size="sm" c="dimmed">
                    Pada tanggal ini kantor tutup; hari kerja dan jam kerja tidak dihitung. Pemerintah dapat menggeser tanggal: perbarui setiap tahun.
                  </Text>
                </div>
                <ClosuresEditor control={control} register={register} errors={errors.closures} tz={timeZone} />
                <Group justify="flex-end">
                  <Button type="submit" loading={isSubmitting}>
                    Simpan kalender
                  </Button>
                </Group>
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Stack>
                <div>
                  <Title order={4}>Impor hari libur dari iCal</Title>
                  <Text size="sm" c="dimmed">
                    Berkas .ics dari kalender libur nasional yang diterbitkan (misalnya ekspor Google Calendar). Setiap acara menjadi hari libur pada
                    tanggalnya; tanggal yang sudah tercantum dilewati.
                  </Text>
                </div>
                <IcsImport blocked={isDirty} onImported={loaded.reload} />
              </Stack>
            </Paper>
          </Stack>
        </form>
      )}
    </Page>
  );
}
