import { notifications, notificationsStore, type NotificationData } from '@mantine/notifications';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiCallError } from '../api';

// A string is shown as it is: a check the screen made itself.
const messageOf = (err: unknown) =>
  typeof err === 'string' ? err : err instanceof ApiCallError ? err.message : 'Terjadi kesalahan yang tidak terduga. Coba lagi; data yang sudah tersimpan tidak berubah.';

// The answer to what the user just did is shown at once, first in line, and replaces the
// answer to what he did before. Two notices are shown at a time and the rest wait for one to
// close (up to ten seconds for a live notice): shown in turn, the third quick action's
// "selesai" came some five seconds after it was done.
let answers = 0;
let lastAnswer: string | null = null;
function answer(data: NotificationData) {
  const id = `jawaban-${++answers}`;
  const previous = lastAnswer;
  lastAnswer = id;
  notifications.updateState(notificationsStore, (shown) => [{ ...data, id }, ...shown.filter((n) => n.id !== previous)]);
}

// A dialog opened is the user's next step: the answer to his last one, above the dialogs
// at the top of the screen, would cover its title (the theme calls this as a dialog opens).
export function hideAnswer() {
  if (lastAnswer) notifications.hide(lastAnswer);
  lastAnswer = null;
}

export function notifyError(err: unknown, title = 'Gagal') {
  // The login screen that replaces the page says this one already.
  if (err instanceof ApiCallError && err.code === 'unauthenticated') return;
  answer({ color: 'red', title, message: messageOf(err), autoClose: 8000 });
}

// Long enough to read a whole Indonesian sentence, also on a busy office PC.
export function notifySuccess(message: string, title = 'Berhasil') {
  answer({ color: 'green', title, message, autoClose: 7000 });
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
