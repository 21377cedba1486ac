// Whole numbers with their thousands grouped by dots, as toLocaleString('id-ID') writes
// them (12.345). Written out because the first toLocaleString('id-ID') of a process or a
// page loads the locale's number data: 25–40 ms on the register's first screen (its
// pager), and some 17 ms of the server's start, where every text field's schema writes
// its limit ("paling panjang 5.000 karakter").
export const numberId = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
