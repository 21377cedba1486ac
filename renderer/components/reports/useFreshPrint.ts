import { useEffect, useState } from 'react';
import { notifyError } from '../../lib/feedback';
import type { Loaded } from '../../lib/useCall';

// "Cetak" prints a report as it stands when the button is pressed: its figures and its
// dated block to sign are read again first, and the browser's print opens once they are
// on screen. A page left open since yesterday would otherwise print yesterday's date, or
// an official no longer acting for the head of office.
export function useFreshPrint({ loading, error, reload }: Pick<Loaded<unknown>, 'loading' | 'error' | 'reload'>) {
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    // The reload shows as loading in the very render that asks for it.
    if (!asked || loading) return;
    setAsked(false);
    if (error) notifyError(error, 'Laporan tidak dapat dicetak');
    else window.print();
  }, [asked, loading, error]);
  return {
    printing: asked,
    print: () => {
      setAsked(true);
      reload();
    },
  };
}
