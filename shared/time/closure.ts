// A day the office is closed. Its own module so the holiday data and the
// working-time arithmetic that reads it do not import each other.
export interface Closure {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama' | 'libur_kantor';
}
