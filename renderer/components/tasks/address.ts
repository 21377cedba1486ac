// Tugas saya keeps its list, filter and the office list's order in the address, so the
// menu's "Terlambat" can open the page already narrowed.
export const TAB_PARAM = 'daftar';
export const FILTER_PARAM = 'saring';
export const SORT_PARAM = 'urut';
// Where the office list's page starts (as the register's).
export const OFFSET_PARAM = 'mulai';

// A leader answers for the whole office's lateness, so theirs opens on the office list.
export const lateTasksPath = (leader: boolean) => `/tugas?${leader ? `${TAB_PARAM}=kantor&` : ''}${FILTER_PARAM}=terlambat`;
