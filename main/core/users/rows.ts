import type { Role } from '../../../shared/domain';
import type { User } from '../../../shared/schemas/user';

export interface UserRow {
  id: number;
  username: string;
  password_hash: string;
  name: string;
  nip: string;
  jabatan: string;
  pangkat: string;
  role: Role;
  seksi: string;
  active: number;
  failed_logins: number;
  locked_until: string | null;
  must_change_password: number;
  row_version: number;
}

export const rowToUser = (r: Pick<UserRow, 'id' | 'username' | 'name' | 'nip' | 'jabatan' | 'pangkat' | 'role' | 'seksi' | 'active'>): User => ({
  id: r.id,
  username: r.username,
  name: r.name,
  nip: r.nip,
  jabatan: r.jabatan,
  pangkat: r.pangkat,
  role: r.role,
  seksi: r.seksi,
  active: r.active === 1,
});

// What the Admin's user list and dialogs edit: the user with the version they started from.
export const rowToEditableUser = (r: UserRow): User & { rowVersion: number } => ({ ...rowToUser(r), rowVersion: r.row_version });
