import { useEffect, useState } from 'react';
import { Button, Group, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod';
import { ApiCallError, call } from '../../api';
import { newUserSchema, passwordSchema, userFieldsSchema, type User, type UserFields as UserFieldValues } from '../../../shared/schemas/user';
import { notifySuccess, showApiError } from '../../lib/feedback';
import { UserFields } from './UserFields';
import { focusFirstError } from '../../lib/focusFirstError';
import { useStaleEdit } from '../../lib/staleEdit';
import { StaleEditAlert } from '../StaleEditAlert';
import { useOfficeWords } from '../../lib/session';

// A refusal the core ties to one field (a username already taken, the last admin)
// goes on that field too, not only in the notice.
function showOnField<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, title: string, prefix = '') {
  if (err instanceof ApiCallError && err.code !== 'validation' && err.field) {
    setError(`${prefix}${err.field}` as Path<T>, { type: 'server', message: err.message });
  }
  showApiError(err, setError, title);
}

const EMPTY_USER = { name: '', nip: '', jabatan: '', pangkat: '', role: 'staf', seksi: '', active: true } as const;

// The first password typed twice: a typo would make an account nobody can sign in to.
const newUserFormSchema = newUserSchema
  .extend({ repeat: z.string() })
  .refine((v) => v.repeat === v.password, { error: 'Kata sandi yang diulang tidak sama. Ketik ulang kata sandi awal persis sama.', path: ['repeat'] });
type NewUserInput = z.input<typeof newUserFormSchema>;
const EMPTY_NEW = { username: '', password: '', repeat: '', user: { ...EMPTY_USER } };

export function CreateUserDialog({ opened, onClose, onSaved }: { opened: boolean; onClose: () => void; onSaved: (u: User) => void }) {
  const form = useForm<NewUserInput, unknown, z.output<typeof newUserFormSchema>>({
    resolver: zodResolver(newUserFormSchema),
    defaultValues: EMPTY_NEW,
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (opened) form.reset(EMPTY_NEW);
  }, [opened, form]);

  const submit = form.handleSubmit(async ({ repeat: _repeat, ...input }) => {
    try {
      const saved = await call('users.create', input);
      notifySuccess(`Pengguna ${saved.name} (${saved.username}) sudah ditambahkan.`);
      onSaved(saved);
    } catch (err) {
      showOnField(err, form.setError, 'Pengguna belum ditambahkan');
    }
  }, focusFirstError);

  return (
    // Typed fields are not lost to a stray Escape or click beside the dialog; Batal still closes it.
    <Modal opened={opened} onClose={onClose} title="Tambah pengguna" size="xl" closeOnEscape={!form.formState.isDirty} closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Nama pengguna"
              withAsterisk
              description="Untuk masuk: huruf kecil, angka, titik, garis bawah atau tanda hubung."
              autoComplete="off"
              {...form.register('username')}
              error={errors.username?.message}
            />
            <PasswordInput
              label="Kata sandi awal"
              withAsterisk
              description="Minimal 8 karakter; pengguna wajib menggantinya saat pertama masuk."
              autoComplete="new-password"
              {...form.register('password')}
              error={errors.password?.message}
            />
            <div />
            <PasswordInput label="Ulangi kata sandi awal" withAsterisk autoComplete="new-password" {...form.register('repeat')} error={errors.repeat?.message} />
          </SimpleGrid>
          <UserFields control={form.control} register={form.register} errors={errors} />
          <Text size="xs" c="dimmed">
            Kolom bertanda * wajib diisi.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Simpan pengguna
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const editSchema = z.object({ user: userFieldsSchema });

/** A user as the Admin's list gives it: with the version the dialog started from. */
export type EditableUser = User & { rowVersion: number; openDispositions: number };

// Active accounts of the head of office besides `id`, as they stand now (another Admin may
// have switched one off since the list was read); on a failed read, none, so it is asked.
async function otherHeads(id: number): Promise<number> {
  const users = await call('users.list').catch(() => []);
  return users.filter((u) => u.role === 'camat' && u.active && u.id !== id).length;
}

export function EditUserDialog({
  user,
  onClose,
  onSaved,
  onReloaded,
}: {
  user: EditableUser | null;
  onClose: () => void;
  onSaved: (u: User) => void;
  /** The user was read again after someone else changed it: the list may follow. */
  onReloaded: () => void;
}) {
  const { head, secretary } = useOfficeWords();
  const form = useForm<z.input<typeof editSchema>, unknown, z.output<typeof editSchema>>({
    resolver: zodResolver(editSchema),
    defaultValues: { user: { ...EMPTY_USER } },
  });
  const stale = useStaleEdit();
  const clearStale = stale.clear;
  // The same user read again after a refused save; otherwise the one the list gave.
  const [reread, setReread] = useState<EditableUser | null>(null);
  const current = reread && reread.id === user?.id ? reread : user;

  useEffect(() => {
    if (current) {
      const { name, nip, jabatan, pangkat, role, seksi, active } = current;
      form.reset({ user: { name, nip, jabatan, pangkat, role, seksi, active } });
      clearStale();
    }
  }, [current, form, clearStale]);

  const close = () => {
    setReread(null);
    onClose();
  };

  const reload = async () => {
    if (!current) return;
    try {
      const fresh = (await call('users.list')).find((u) => u.id === current.id);
      if (fresh) setReread(fresh);
      onReloaded();
    } catch (err) {
      showApiError(err, undefined, 'Data pengguna tidak dapat dimuat ulang');
    }
  };

  // Asked first: a Kasi switched off or given another role hands his running dispositions
  // back; the only active head of office switched off or given another role leaves the
  // office with nobody signing in the head's own name.
  const [asking, setAsking] = useState<{ fields: UserFieldValues; why: 'handBack' | 'lastHead' } | null>(null);
  const save = async (fields: UserFieldValues) => {
    if (!current) return;
    setAsking(null);
    try {
      const saved = await call('users.update', { id: current.id, rowVersion: current.rowVersion, user: fields });
      notifySuccess(`Data ${saved.name} sudah diperbarui.`);
      setReread(null);
      onSaved(saved);
    } catch (err) {
      if (stale.caught(err)) return;
      showOnField(err, form.setError, 'Perubahan belum tersimpan', 'user.');
    }
  };
  const submit = form.handleSubmit(async ({ user: fields }) => {
    const leaves = (role: User['role']) => current?.role === role && current.active && (!fields.active || fields.role !== role);
    if (leaves('kasi') && current!.openDispositions > 0) setAsking({ fields, why: 'handBack' });
    else if (leaves('camat') && (await otherHeads(current!.id)) === 0) setAsking({ fields, why: 'lastHead' });
    else await save(fields);
  }, focusFirstError);
  const change = asking?.fields.active ? 'berganti peran' : 'dinonaktifkan';

  return (
    <Modal opened={user !== null} onClose={close} title={user ? `Ubah pengguna ${user.username}` : ''} size="xl" closeOnEscape={!form.formState.isDirty} closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <StaleEditAlert message={stale.message} onReload={() => void reload()} />
          <UserFields control={form.control} register={form.register} errors={form.formState.errors} withActive />
          <Text size="xs" c="dimmed">
            Mengubah peran atau menonaktifkan akun langsung mengakhiri sesi pengguna itu.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Batal
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              Simpan perubahan
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking?.why === 'lastHead' ? `Kantor tanpa akun ${head} yang aktif?` : 'Kembalikan disposisinya?'}
        size={520}
        centered
      >
        <Stack gap="sm">
          {asking?.why === 'lastHead' ? (
            <>
              <Text size="sm">
                {current?.name} adalah satu-satunya {head} yang akunnya aktif. Bila akunnya {change}, tidak ada lagi {head} definitif di Tanggap: surat yang
                menunggu tanda tangan {head} hanya dapat ditandatangani oleh Plt./Plh. yang dicatat di menu Pejabat Plt./Plh., atau oleh {secretary} atas nama{' '}
                {head} pada langkah yang menurut Standar Pelayanan boleh dikerjakan {secretary}. Langkah lain yang dikerjakan {head} sendiri (selain disposisi,
                yang dapat dikerjakan {secretary}) tidak dapat dikerjakan siapa pun sampai ada akun {head} yang aktif.
              </Text>
              <Text size="sm">Bila {head} berganti, tambahkan dulu akun {head} yang baru.</Text>
            </>
          ) : (
            <>
              <Text size="sm">
                {current?.name} masih mengerjakan {current?.openDispositions} disposisi. Bila akunnya {change}, disposisi itu dikembalikan kepada pemberi disposisinya
                untuk dikirim kepada Kasi lain, dan langkahnya kembali ke disposisi.
              </Text>
              <Text size="sm">Mengaktifkan akun ini lagi nanti tidak mengembalikan disposisi itu kepadanya.</Text>
            </>
          )}
          <Group justify="flex-end" wrap="nowrap">
            <Button variant="default" onClick={() => setAsking(null)} data-autofocus>
              Batal
            </Button>
            <Button color="orange" onClick={() => asking && void save(asking.fields)}>
              {asking?.why === 'lastHead' ? 'Ya, simpan' : 'Ya, simpan dan kembalikan'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Modal>
  );
}

const resetSchema = z
  .object({ password: passwordSchema, repeat: z.string() })
  .refine((v) => v.repeat === v.password, { error: 'Ulangi kata sandi baru dengan tepat sama.', path: ['repeat'] });

export function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const form = useForm<z.input<typeof resetSchema>, unknown, z.output<typeof resetSchema>>({
    resolver: zodResolver(resetSchema),
    defaultValues: { password: '', repeat: '' },
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (user) form.reset({ password: '', repeat: '' });
  }, [user, form]);

  const submit = form.handleSubmit(async ({ password }) => {
    if (!user) return;
    try {
      await call('users.resetPassword', { id: user.id, password });
      notifySuccess(`Kata sandi ${user.name} sudah diatur ulang. Sampaikan kata sandi baru kepadanya secara langsung.`);
      onClose();
    } catch (err) {
      showApiError(err, form.setError, 'Kata sandi belum diatur ulang');
    }
  }, focusFirstError);

  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? `Atur ulang kata sandi ${user.username}` : ''}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {user?.active === false
              ? `Akun ${user.name} nonaktif: kata sandi baru ini baru dapat dipakai setelah akunnya diaktifkan lagi lewat Ubah. Saat itu ia wajib menggantinya dengan kata sandi pilihannya sendiri.`
              : `${user?.name ?? ''} akan keluar dari semua sesi, masuk dengan kata sandi baru ini, lalu wajib menggantinya dengan kata sandi pilihannya sendiri. Kunci akibat salah kata sandi juga dibuka.`}
          </Text>
          <PasswordInput label="Kata sandi baru" description="Minimal 8 karakter." autoComplete="new-password" {...form.register('password')} error={errors.password?.message} />
          <PasswordInput label="Ulangi kata sandi baru" autoComplete="new-password" {...form.register('repeat')} error={errors.repeat?.message} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Batal
            </Button>
            <Button type="submit" color="orange" loading={form.formState.isSubmitting}>
              Atur ulang kata sandi
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
