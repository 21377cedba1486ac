import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { Controller, useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type * as z from 'zod';
import { call } from '../../../api';
import type { Role } from '../../../../shared/domain';
import { ACTING_KINDS, ACTING_LABEL, actingOfficialInputSchema, type ActingOfficial } from '../../../../shared/schemas/documents';
import type { User } from '../../../../shared/schemas/user';
import { DateText } from '../../admin/DateText';
import { notifySuccess, showApiError } from '../../../lib/feedback';
import { useRoleLabel, useSession } from '../../../lib/session';
import { actingTitle } from './acting';
import { focusFirstError } from '../../../lib/focusFirstError';

type Input = z.input<typeof actingOfficialInputSchema>;
type Output = z.output<typeof actingOfficialInputSchema>;

// Who may stand in for the Camat: the officials who sign for the office.
const ELIGIBLE: readonly Role[] = ['sekcam', 'kasi', 'camat'];

interface Props {
  users: User[];
  onSaved: (list: ActingOfficial[]) => void;
}

export function ActingOfficialForm({ users, onSaved }: Props) {
  const { office } = useSession();
  const roleLabel = useRoleLabel();
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(actingOfficialInputSchema),
    defaultValues: { kind: 'plh', from: '', to: '' },
  });
  const { control, formState } = form;
  const { errors } = formState;
  // The head in office (the first active Camat account, as the core counts it) is the one
  // stood in for, never the one who stands in.
  const head = Math.min(...users.filter((u) => u.active && u.role === 'camat').map((u) => u.id));
  const options = users
    .filter((u) => u.active && ELIGIBLE.includes(u.role) && u.id !== head)
    .map((u) => ({ value: String(u.id), label: `${u.name} · ${u.jabatan} (${roleLabel(u.role)})` }));

  const submit = form.handleSubmit(async (input) => {
    try {
      const list = await call('officials.add', input);
      const who = users.find((u) => u.id === input.userId)?.name ?? 'Pejabat';
      notifySuccess(`${who} tercatat sebagai ${actingTitle(input.kind, office.headTitle)}.`);
      form.reset({ kind: input.kind, from: '', to: '', userId: undefined });
      onSaved(list);
    } catch (err) {
      showApiError(err, (name, e) => form.setError(name as Path<Input>, e), 'Pejabat belum ditambahkan');
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group align="flex-start" gap="sm">
          <Controller
            control={control}
            name="userId"
            render={({ field }) => (
              <Select
                label="Pejabat yang ditunjuk"
                placeholder={options.length ? 'Pilih pengguna' : 'Belum ada pengguna aktif yang dapat dipilih'}
                searchable
                nothingFoundMessage="Tidak ada nama yang cocok"
                style={{ flex: 1, minWidth: 280 }}
                data={options}
                value={field.value ? String(field.value) : null}
                onChange={(v) => field.onChange(v ? Number(v) : undefined)}
                onBlur={field.onBlur}
                error={errors.userId?.message && (field.value ? errors.userId.message : 'Pilih pejabat yang ditunjuk.')}
              />
            )}
          />
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Select
                label="Sebutan"
                w={220}
                data={ACTING_KINDS.map((k) => ({ value: k, label: ACTING_LABEL[k] }))}
                value={field.value ?? null}
                onChange={(v) => field.onChange(v ?? field.value)}
                allowDeselect={false}
                error={errors.kind?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="from"
            render={({ field }) => (
              <DateText label="Mulai tanggal" w={190} tz={office.timeZone} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={errors.from?.message} />
            )}
          />
          <Controller
            control={control}
            name="to"
            render={({ field }) => (
              <DateText label="Sampai tanggal" w={190} tz={office.timeZone} value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} error={errors.to?.message} />
            )}
          />
        </Group>
        <Text size="xs" c="dimmed">
          Yang dapat dipilih: {roleLabel('sekcam')} dan {roleLabel('kasi')} yang akunnya aktif, juga akun {roleLabel('camat')} lain selain yang sedang menjabat. Tanggal
          mulai dan sampai ikut dihitung.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={formState.isSubmitting}>
            Tambah pejabat
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
