// Whole numbers with their thousands grouped by dots, as toLocaleString('id-ID') writes
// them (12.345). Written out because the first toLocaleString('id-ID') of a process or a
// page loads the locale's number data: 25–40 ms on the register's first screen (its
// pager), and some 17 ms of the server's start, where every text field's schema writes
// its limit ("paling panjang 5.000 karakter").
export const numberId = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A NIP's digits grouped as Tata Naskah Dinas prints them: "19710405 199303 1 006". */
export function nipGrouped(nip: string): string {
  const d = nip.replace(/\D/g, '');
  return d.length === 18 ? `${d.slice(0, 8)} ${d.slice(8, 14)} ${d.slice(14, 15)} ${d.slice(15)}` : d;
}

/** The NIP line under a name: "NIP 19710405 199303 1 006"; '' when none. */
export function nipLine(nip: string): string {
  const grouped = nipGrouped(nip);
  return grouped === '' ? '' : `NIP ${grouped}`;
}
