import { ActionIcon, Button, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { Controller, useFieldArray, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { DURATION_UNITS, DURATION_UNIT_LABEL, STAGES, STAGE_LABEL, type ServiceStandard } from '../../../shared/standards/schema';
import { EXECUTORS, type Executor } from '../../../shared/domain';
import { useExecutorLabel } from '../../lib/session';
import { newStep, type StandardForm } from './standardForm';

interface Props {
  control: Control<StandardForm, unknown, ServiceStandard>;
  register: UseFormRegister<StandardForm>;
  errors: FieldErrors<StandardForm>;
}

const STAGE_OPTIONS = STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] }));
const UNIT_OPTIONS = DURATION_UNITS.map((u) => ({ value: u, label: DURATION_UNIT_LABEL[u] }));
const MAX_STEPS = 40;
// A select option needs a value; this one stands for "no escalation".
const NO_ESCALATION = 'tidak';

// The steps of the standard, in order; a step's number is its place in the table.
export function StepsEditor({ control, register, errors }: Props) {
  const { fields, append, insert, remove, move } = useFieldArray({ control, name: 'steps' });
  const executor = useExecutorLabel();
  const executorOptions = EXECUTORS.map((e) => ({ value: e, label: executor(e) }));
  const listError = errors.steps?.root?.message ?? errors.steps?.message;

  return (
    <Stack gap="xs">
      {/* 940: within the editor's card on a 1024 px screen (menu folded). */}
      <Table.ScrollContainer minWidth={940}>
        <Table verticalSpacing="sm" withRowBorders aria-label="Langkah standar pelayanan" style={{ verticalAlign: 'top' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>No</Table.Th>
              <Table.Th>Kegiatan, hasil, kelengkapan dan catatan</Table.Th>
              <Table.Th w={240}>Tahap dan pelaksana</Table.Th>
              <Table.Th w={230}>Waktu dan eskalasi</Table.Th>
              <Table.Th w={44} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field, i) => {
              const no = i + 1;
              const e = errors.steps?.[i];
              return (
                <Table.Tr key={field.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text fw={700} mt={26} aria-label={`Langkah ${no}`}>
                      {no}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <Textarea
                        label="Kegiatan"
                        aria-label={`Kegiatan langkah ${no}`}
                        size="xs"
                        autosize
                        minRows={2}
                        maxRows={6}
                        {...register(`steps.${i}.activity`)}
                        error={e?.activity?.message}
                      />
                      <TextInput label="Hasil" aria-label={`Hasil langkah ${no}`} size="xs" {...register(`steps.${i}.output`)} error={e?.output?.message} />
                      <SimpleGrid cols={2} spacing={6}>
                        <Textarea
                          label="Kelengkapan (pisahkan dengan koma)"
                          aria-label={`Kelengkapan langkah ${no}`}
                          size="xs"
                          autosize
                          minRows={1}
                          maxRows={4}
                          {...register(`steps.${i}.kelengkapan`)}
                          error={e?.kelengkapan?.message}
                        />
                        <Textarea
                          label="Catatan"
                          aria-label={`Catatan langkah ${no}`}
                          size="xs"
                          autosize
                          minRows={1}
                          maxRows={4}
                          {...register(`steps.${i}.note`)}
                          error={e?.note?.message}
                        />
                      </SimpleGrid>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <Controller
                        control={control}
                        name={`steps.${i}.stage`}
                        render={({ field: f }) => (
                          <Select
                            label="Tahap"
                            aria-label={`Tahap langkah ${no}`}
                            size="xs"
                            data={STAGE_OPTIONS}
                            value={f.value}
                            onChange={(v) => f.onChange(v ?? f.value)}
                            allowDeselect={false}
                            error={e?.stage?.message}
                          />
                        )}
                      />
                      <Controller
                        control={control}
                        name={`steps.${i}.executor`}
                        render={({ field: f }) => (
                          <Select
                            label="Pelaksana"
                            aria-label={`Pelaksana langkah ${no}`}
                            size="xs"
                            data={executorOptions}
                            value={f.value}
                            onChange={(v) => f.onChange(v ?? f.value)}
                            allowDeselect={false}
                            error={e?.executor?.message}
                          />
                        )}
                      />
                      <Controller
                        control={control}
                        name={`steps.${i}.alternates`}
                        render={({ field: f }) => (
                          <MultiSelect
                            label="Pelaksana pengganti"
                            aria-label={`Pelaksana pengganti langkah ${no}`}
                            size="xs"
                            data={executorOptions}
                            value={f.value}
                            onChange={(v) => f.onChange(v as Executor[])}
                            placeholder={f.value.length === 0 ? 'Tidak ada' : undefined}
                            error={e?.alternates?.message ?? e?.alternates?.root?.message}
                          />
                        )}
                      />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={6}>
                      <Group gap={6} wrap="nowrap" align="flex-start">
                        <Controller
                          control={control}
                          name={`steps.${i}.duration.amount`}
                          render={({ field: f }) => (
                            <NumberInput
                              label="Lama"
                              aria-label={`Lama waktu langkah ${no}`}
                              size="xs"
                              w={70}
                              min={0}
                              allowDecimal={false}
                              allowNegative={false}
                              value={f.value}
                              onChange={(v) => f.onChange(typeof v === 'number' ? v : '')}
                              onBlur={f.onBlur}
                              error={e?.duration?.amount?.message ?? e?.duration?.message}
                            />
                          )}
                        />
                        <Controller
                          control={control}
                          name={`steps.${i}.duration.unit`}
                          render={({ field: f }) => (
                            <Select
                              label="Satuan"
                              aria-label={`Satuan waktu langkah ${no}`}
                              size="xs"
                              style={{ flex: 1 }}
                              data={UNIT_OPTIONS}
                              value={f.value}
                              onChange={(v) => f.onChange(v ?? f.value)}
                              allowDeselect={false}
                              error={e?.duration?.unit?.message}
                            />
                          )}
                        />
                      </Group>
                      <Controller
                        control={control}
                        name={`steps.${i}.escalateTo`}
                        render={({ field: f }) => (
                          <Select
                            label="Lewat waktu, teruskan ke"
                            aria-label={`Eskalasi langkah ${no}`}
                            size="xs"
                            data={[{ value: NO_ESCALATION, label: 'Tidak diteruskan' }, ...executorOptions]}
                            value={f.value || NO_ESCALATION}
                            onChange={(v) => f.onChange(!v || v === NO_ESCALATION ? '' : v)}
                            allowDeselect={false}
                            error={e?.escalateTo?.message}
                          />
                        )}
                      />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} mt={22}>
                      <Tooltip label="Naikkan">
                        <ActionIcon variant="subtle" aria-label={`Naikkan langkah ${no}`} disabled={i === 0} onClick={() => move(i, i - 1)}>
                          <IconArrowUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Turunkan">
                        <ActionIcon variant="subtle" aria-label={`Turunkan langkah ${no}`} disabled={i === fields.length - 1} onClick={() => move(i, i + 1)}>
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Sisipkan langkah di bawahnya">
                        <ActionIcon variant="subtle" aria-label={`Sisipkan langkah setelah ${no}`} disabled={fields.length >= MAX_STEPS} onClick={() => insert(i + 1, newStep())}>
                          <IconPlus size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Hapus langkah">
                        <ActionIcon variant="subtle" color="red" aria-label={`Hapus langkah ${no}`} disabled={fields.length <= 1} onClick={() => remove(i)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {listError && (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      )}
      <Group>
        <Button variant="light" leftSection={<IconPlus size={16} />} disabled={fields.length >= MAX_STEPS} onClick={() => append(newStep())}>
          Tambah langkah
        </Button>
        <Text size="xs" c="dimmed">
          Nomor langkah mengikuti urutan tabel. Langkah pertama harus tahap penerimaan.
        </Text>
      </Group>
    </Stack>
  );
}
