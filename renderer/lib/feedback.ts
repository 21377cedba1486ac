import { notifications } from '@mantine/notifications';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiCallError } from '../api';

// A string is shown as it is: a check the screen made itself.
const messageOf = (err: unknown) =>
  typeof err === 'string' ? err : err instanceof ApiCallError ? err.message : 'Terjadi kesalahan yang tidak terduga. Coba lagi; data yang sudah tersimpan tidak berubah.';

export function notifyError(err: unknown, title = 'Gagal') {
  // The login screen that replaces the page says this one already.
  if (err instanceof ApiCallError && err.code === 'unauthenticated') return;
  notifications.show({ color: 'red', title, message: messageOf(err), autoClose: 8000 });
}

// Long enough to read a whole Indonesian sentence, also on a busy office PC.
export function notifySuccess(message: string, title = 'Berhasil') {
  notifications.show({ color: 'green', title, message, autoClose: 7000 });
}

// Puts the core's validation messages on the fields they concern (the core uses the
// same zod schemas, so its paths are the form's names); anything else as a notice.
export function showApiError<T extends FieldValues>(err: unknown, setError?: UseFormSetError<T>, title?: string) {
  if (setError && err instanceof ApiCallError) {
    const fields = Object.keys(err.fields).length > 0 ? err.fields : err.field ? { [err.field]: err.message } : {};
    for (const [field, message] of Object.entries(fields)) {
      setError((field === '_' ? 'root' : field) as Path<T>, { type: 'server', message });
    }
  }
  notifyError(err, title);
}
