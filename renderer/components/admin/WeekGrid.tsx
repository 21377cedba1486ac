import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { Controller, useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { IconPlus, IconX } from '@tabler/icons-react';
import { WEEKDAY_NAMES, type OfficeCalendar, type Weekday } from '../../../shared/time/workingTime';
import { WEEKDAYS, type CalendarForm, type DayForm } from './calendarForm';

type Ctl = Control<CalendarForm, unknown, OfficeCalendar>;
// 'week' or 'special.0.week': where this grid's days live in the form.
type WeekPath = 'week' | `special.${number}.week`;

interface Props {
  control: Ctl;
  register: UseFormRegister<CalendarForm>;
  prefix: WeekPath;
  // Tells the days of a special schedule apart from the normal week for screen readers.
  suffix?: string;
  errors: FieldErrors<CalendarForm>['week'];
}

type DayErrors = FieldErrors<DayForm> & { message?: string };
const MAX_BREAKS = 3;
// Typed as 24-hour JJ:MM: the browser's time box would follow the system locale (AM/PM on an English PC).
const TIME = { size: 'xs', w: 80, placeholder: 'JJ:MM', maxLength: 5 } as const;
// "7.30" and "730" are read as 07:30, as offices often write the time.
const asTime = (v: string) => {
  const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(v.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : v.trim();
};
const timeField = { setValueAs: asTime };

// Working hours of the seven days: open or not, opening and closing time, breaks.
export function WeekGrid({ control, register, prefix, suffix = '', errors }: Props) {
  const weekError = (errors as { message?: string } | undefined)?.message;
  return (
    <Stack gap={4}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} aria-label={`Jam kerja${suffix}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Hari</Table.Th>
              <Table.Th w={80}>Masuk</Table.Th>
              <Table.Th w={150}>Jam buka</Table.Th>
              <Table.Th w={150}>Jam tutup</Table.Th>
              <Table.Th>Istirahat</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {WEEKDAYS.map((wd) => (
              <DayRow
                key={wd}
                control={control}
                register={register}
                base={`${prefix}.${wd}`}
                day={WEEKDAY_NAMES[wd]}
                suffix={suffix}
                errors={(errors as Record<Weekday, DayErrors | undefined> | undefined)?.[wd]}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {weekError && (
        <Text c="red" size="sm" role="alert">
          {weekError}
        </Text>
      )}
    </Stack>
  );
}

interface RowProps {
  control: Ctl;
  register: UseFormRegister<CalendarForm>;
  base: `${WeekPath}.${Weekday}`;
  day: string;
  suffix: string;
  errors: DayErrors | undefined;
}

// RHF's path types do not descend into the weekday-keyed record, so a row sees the
// form as days keyed by their path ('week.1', 'special.0.week.5').
type DayHost = Record<string, DayForm>;

function DayRow({ base, day, suffix, errors, ...props }: RowProps) {
  const control = props.control as unknown as Control<DayHost>;
  const register = props.register as unknown as UseFormRegister<DayHost>;
  const on = useWatch({ control, name: `${base}.on` });
  const breaks = useFieldArray({ control, name: `${base}.breaks` });
  const label = (what: string) => `${what} ${day}${suffix}`;
  const addBreak = () => breaks.append({ start: '12:00', end: '13:00' });
  return (
    <Table.Tr style={{ verticalAlign: 'top' }} bg={on ? undefined : 'gray.0'}>
      <Table.Td>
        <Text fw={500} mt={6}>
          {day}
        </Text>
      </Table.Td>
      <Table.Td>
        <Controller
          control={control}
          name={`${base}.on`}
          render={({ field }) => (
            <Checkbox mt={8} aria-label={label('Masuk hari')} checked={field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />
          )}
        />
      </Table.Td>
      {on ? (
        <>
          <Table.Td>
            <TextInput {...TIME} aria-label={label('Jam buka')} {...register(`${base}.open`, timeField)} error={errors?.open?.message} />
          </Table.Td>
          <Table.Td>
            <TextInput {...TIME} aria-label={label('Jam tutup')} {...register(`${base}.close`, timeField)} error={errors?.close?.message} />
          </Table.Td>
          <Table.Td>
            <Stack gap={4}>
              {breaks.fields.map((b, j) => {
                const e = errors?.breaks?.[j];
                return (
                  <Stack key={b.id} gap={2}>
                    <Group gap={6} wrap="nowrap">
                      <TextInput {...TIME} aria-label={label(`Mulai istirahat ${j + 1}`)} {...register(`${base}.breaks.${j}.start`, timeField)} error={Boolean(e?.start || e?.message)} />
                      <Text size="xs">s.d.</Text>
                      <TextInput {...TIME} aria-label={label(`Selesai istirahat ${j + 1}`)} {...register(`${base}.breaks.${j}.end`, timeField)} error={Boolean(e?.end || e?.message)} />
                      <ActionIcon variant="subtle" color="gray" aria-label={label(`Hapus istirahat ${j + 1}`)} onClick={() => breaks.remove(j)}>
                        <IconX size={14} />
                      </ActionIcon>
                      {j === breaks.fields.length - 1 && breaks.fields.length < MAX_BREAKS && (
                        <Tooltip label="Tambah istirahat lain">
                          <ActionIcon variant="subtle" aria-label={label('Tambah istirahat')} onClick={addBreak}>
                            <IconPlus size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                    {(e?.message ?? e?.start?.message ?? e?.end?.message) && (
                      <Text c="red" size="xs">
                        {e?.message ?? e?.start?.message ?? e?.end?.message}
                      </Text>
                    )}
                  </Stack>
                );
              })}
              {breaks.fields.length === 0 && (
                <Button size="compact-xs" variant="subtle" w="fit-content" mt={4} leftSection={<IconPlus size={12} />} aria-label={label('Tambah istirahat')} onClick={addBreak}>
                  Tambah istirahat
                </Button>
              )}
            </Stack>
          </Table.Td>
        </>
      ) : (
        <Table.Td colSpan={3}>
          <Text c="dimmed" size="sm" mt={6}>
            Libur (kantor tutup)
          </Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
