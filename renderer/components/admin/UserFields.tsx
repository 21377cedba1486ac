import { Controller, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import type * as z from 'zod';
import { ROLES, type Role } from '../../../shared/domain';
import { useRoleLabel } from '../../lib/session';
import type { userFieldsSchema } from '../../../shared/schemas/user';

type UserFieldsForm = { user: z.input<typeof userFieldsSchema> };

interface Props<T extends UserFieldsForm> {
  control: Control<T>;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  // Only an existing account can be switched off.
  withActive?: boolean;
}


// The person behind an account, as the create and edit dialogs both show it.
// What switching an account off does to the work it holds, by its role.
// label: the roles in the office's words.
function activeNote(role: Role, label: (r: Role) => string): string {
  const off = 'Akun nonaktif tidak dapat masuk; riwayatnya tetap tersimpan.';
  if (role === 'kasi') return `${off} Disposisi yang masih dikerjakannya kembali kepada pemberi disposisi untuk dikirim kepada ${label('kasi')} lain.`;
  if (role === 'camat') {
    return `${off} Tanpa akun ${label('camat')} aktif, surat hanya dapat ditandatangani Plt./Plh. yang dicatat di menu Pejabat Plt./Plh., atau ${label('sekcam')} a.n. ${label('camat')} pada langkah yang menurut Standar Pelayanan boleh dikerjakan ${label('sekcam')}.`;
  }
  return off;
}

export function UserFields<T extends UserFieldsForm>(props: Props<T>) {
  // The generic form narrows to its user part here; names stay type-checked below.
  const control = props.control as unknown as Control<UserFieldsForm>;
  const register = props.register as unknown as UseFormRegister<UserFieldsForm>;
  const errors = (props.errors as FieldErrors<UserFieldsForm>).user;
  const role = useWatch({ control, name: 'user.role' });
  const roleLabel = useRoleLabel();
  const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput label="Nama lengkap" withAsterisk description="Dengan gelar, seperti di tanda tangan surat." {...register('user.name')} error={errors?.name?.message} />
      <TextInput label="NIP" description="18 angka; kosongkan bila bukan ASN." inputMode="numeric" {...register('user.nip')} error={errors?.nip?.message} />
      <TextInput label="Jabatan" withAsterisk placeholder="contoh: Kepala Seksi Pelayanan" {...register('user.jabatan')} error={errors?.jabatan?.message} />
      <TextInput label="Pangkat/golongan" placeholder="contoh: Penata (III/c)" {...register('user.pangkat')} error={errors?.pangkat?.message} />
      <Controller
        control={control}
        name="user.role"
        render={({ field }) => (
          <Select
            label="Peran"
            data={roleOptions}
            value={field.value}
            onChange={(v) => field.onChange(v ?? field.value)}
            onBlur={field.onBlur}
            allowDeselect={false}
            error={errors?.role?.message}
          />
        )}
      />
      <TextInput
        label="Seksi"
        withAsterisk={role === 'kasi'}
        description={role === 'kasi' ? 'Wajib untuk Kasi/Kasubbag: disposisi dikirim per seksi.' : 'Hanya dipakai untuk Kasi/Kasubbag.'}
        placeholder="contoh: Seksi Pelayanan"
        disabled={role !== 'kasi'}
        {...register('user.seksi')}
        error={errors?.seksi?.message}
      />
      {props.withActive && (
        <Controller
          control={control}
          name="user.active"
          render={({ field }) => (
            <Switch
              label="Akun aktif"
              description={activeNote(role, roleLabel)}
              checked={field.value ?? true}
              onChange={(e) => field.onChange(e.currentTarget.checked)}
              error={errors?.active?.message}
            />
          )}
        />
      )}
    </SimpleGrid>
  );
}
