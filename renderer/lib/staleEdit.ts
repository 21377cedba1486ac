import { useCallback, useState } from 'react';
import { ApiCallError } from '../api';

// Someone else saved the same record after this screen loaded it: the core refuses the
// save with who and when (code 'conflict' on the field rowVersion).
export const isStaleEdit = (err: unknown): err is ApiCallError => err instanceof ApiCallError && err.code === 'conflict' && err.field === 'rowVersion';

// The refusal of a stale save, held for the screen to show beside the form, which keeps
// what the user typed until they choose to load the newer data.
export function useStaleEdit() {
  const [message, setMessage] = useState<string | null>(null);
  // True when `err` was a stale save (now shown); otherwise the caller handles it.
  const caught = useCallback((err: unknown) => {
    if (!isStaleEdit(err)) return false;
    setMessage(err.message);
    return true;
  }, []);
  const clear = useCallback(() => setMessage(null), []);
  return { message, caught, clear };
}
