import { useMemo, useState } from 'react';
import { ActionIcon, Box, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { Controller, useFieldArray, useFormState, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { IconTrash } from '@tabler/icons-react';
import { closureSchema } from '../../../shared/schemas/calendar';
import { formatHariTanggal } from '../../../shared/time/format';
import { localDate, yearsWithoutHolidays, type Closure, type OfficeCalendar } from '../../../shared/time/workingTime';
import type { TimeZoneId } from '../../../shared/domain';
import { DateText } from './DateText';
import { HolidaysMissingAlert } from './HolidaysMissing';
import { useSession } from '../../lib/session';
import { CLOSURE_KINDS, CLOSURE_KIND_LABEL } from '../../../shared/schemas/calendar';
import { CLOSURE_KIND_COLOR, type CalendarForm } from './calendarForm';

interface Props {
  control: Control<CalendarForm, unknown, OfficeCalendar>;
  register: UseFormRegister<CalendarForm>;
  errors: FieldErrors<CalendarForm>['closures'];
  tz: TimeZoneId;
}

const KIND_OPTIONS = CLOSURE_KINDS.map((k) => ({ value: k, label: CLOSURE_KIND_LABEL[k] }));
const ALL = 'semua';
type Draft = { date: string; name: string; kind: Closure['kind'] };
type DraftErrors = Partial<Record<keyof Draft, string>>;

// Holidays, cuti bersama and office closures, kept sorted by date; shown one year at a time.
export function ClosuresEditor({ control, register, errors, tz }: Props) {
  const { fields, insert, remove } = useFieldArray({ control, name: 'closures' });
  const { now } = useSession();
  const thisYear = localDate(now(), tz).slice(0, 4);
  const years = useMemo(() => [...new Set([thisYear, ...fields.map((f) => f.date.slice(0, 4))])].sort(), [fields, thisYear]);
  const [year, setYear] = useState(thisYear);
  // Most days typed in are the national holidays and cuti bersama of a new year.
  const [draft, setDraft] = useState<Draft>({ date: '', name: '', kind: 'libur_nasional' });
  const missingYears = yearsWithoutHolidays(localDate(now(), tz), fields);
  const [draftErrors, setDraftErrors] = useState<DraftErrors>({});

  // After a failed save, show the year of the first row with a problem: the page
  // says to fix what is marked red, so that row must not be hidden by the filter.
  // Keyed on the submit count too, so a repeated failed save shows the row again.
  const { submitCount } = useFormState({ control });
  const firstError = errors ? fields.findIndex((_, i) => errors[i]) : -1;
  const errorKey = `${submitCount}:${firstError}`;
  const [seenErrorKey, setSeenErrorKey] = useState(errorKey);
  if (errorKey !== seenErrorKey) {
    setSeenErrorKey(errorKey);
    const row = fields[firstError];
    if (row && year !== ALL && !row.date.startsWith(year)) setYear(row.date.slice(0, 4));
  }
  const listError = errors?.message ?? errors?.root?.message;

  const shown = fields.map((f, index) => ({ f, index })).filter(({ f }) => year === ALL || f.date.startsWith(year));

  const add = () => {
    const r = closureSchema.safeParse(draft);
    if (!r.success) {
      const errs: DraftErrors = {};
      for (const issue of r.error.issues) errs[issue.path[0] as keyof Draft] ??= issue.message;
      if (!draft.date) errs.date = 'Isi tanggal hari libur, contoh 28/12/2026.';
      return setDraftErrors(errs);
    }
    const same = fields.find((f) => f.date === r.data.date);
    if (same) return setDraftErrors({ date: `Tanggal ini sudah tercantum: ${same.name}. Ubah atau hapus baris itu.` });
    const at = fields.findIndex((f) => f.date > r.data.date);
    insert(at < 0 ? fields.length : at, r.data);
    setYear(r.data.date.slice(0, 4));
    setDraft({ date: '', name: '', kind: draft.kind });
    setDraftErrors({});
  };

  return (
    <Stack gap="sm">
      <Group
        align="flex-start"
        gap="sm"
        wrap="wrap"
        onKeyDown={(e) => {
          // Enter in the new-holiday fields adds the holiday instead of saving the whole calendar.
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement && !e.target.readOnly) {
            e.preventDefault();
            add();
          }
        }}
      >
        <DateText label="Tanggal libur" w={170} tz={tz} value={draft.date} onChange={(date) => setDraft({ ...draft, date })} error={draftErrors.date} />
        <TextInput
          label="Nama hari libur"
          placeholder="contoh: Hari jadi kabupaten"
          style={{ flex: 1, minWidth: 220 }}
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          error={draftErrors.name}
        />
        <Select
          label="Jenis libur"
          w={170}
          data={KIND_OPTIONS}
          value={draft.kind}
          onChange={(v) => setDraft({ ...draft, kind: (v ?? draft.kind) as Closure['kind'] })}
          allowDeselect={false}
          error={draftErrors.kind}
        />
        <Button mt={25} variant="light" onClick={add}>
          Tambah hari libur
        </Button>
      </Group>

      <HolidaysMissingAlert years={missingYears} todo="Impor dari berkas iCal hari libur, atau tambahkan tanggalnya satu per satu di atas, lalu simpan." />

      <Group justify="space-between">
        <Select
          label="Tampilkan tahun"
          w={170}
          data={[...years.map((y) => ({ value: y, label: y })), { value: ALL, label: 'Semua tahun' }]}
          value={year}
          onChange={(v) => setYear(v ?? ALL)}
          allowDeselect={false}
        />
        <Text size="sm" c="dimmed">
          {shown.length} hari libur {year === ALL ? 'seluruhnya' : `pada ${year}`}
        </Text>
      </Group>

      {listError && (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      )}

      <Table.ScrollContainer minWidth={700}>
        <Table verticalSpacing={4} aria-label="Daftar hari libur">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={230}>Tanggal</Table.Th>
              <Table.Th>Nama</Table.Th>
              <Table.Th w={190}>Jenis</Table.Th>
              <Table.Th w={50} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" size="sm" ta="center" py="sm">
                    Belum ada hari libur pada tahun ini. Tambahkan di atas atau impor berkas iCal.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {shown.map(({ f, index }) => {
              const e = errors?.[index];
              const when = formatHariTanggal(f.date, tz);
              return (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Text size="sm">{when}</Text>
                    {e?.date?.message && (
                      <Text c="red" size="xs">
                        {e.date.message}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={`Nama libur ${when}`} {...register(`closures.${index}.name`)} error={e?.name?.message} />
                  </Table.Td>
                  <Table.Td>
                    <Controller
                      control={control}
                      name={`closures.${index}.kind`}
                      render={({ field }) => (
                        <Select
                          size="xs"
                          aria-label={`Jenis ${when}`}
                          data={KIND_OPTIONS}
                          value={field.value}
                          onChange={(v) => field.onChange(v ?? field.value)}
                          allowDeselect={false}
                          leftSection={<Box w={8} h={8} bg={`${CLOSURE_KIND_COLOR[field.value]}.6`} style={{ borderRadius: '50%' }} />}
                        />
                      )}
                    />
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Hapus hari libur ${when}`} onClick={() => remove(index)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
