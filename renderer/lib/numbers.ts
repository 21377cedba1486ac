// Whole numbers with their thousands grouped by dots, as toLocaleString('id-ID') writes
// them (12.345). Written out because a page's first toLocaleString('id-ID') loads the
// locale's number data first: 25–40 ms on the register's first screen (its pager).
export const numberId = (n: number): string => String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
