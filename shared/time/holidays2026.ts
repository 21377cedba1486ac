import type { Closure } from './closure';

// National holidays and cuti bersama 2026 (SKB Menteri Agama, Menteri Ketenagakerjaan
// dan MenPANRB). The government may move dates: this is data the admin edits, and
// an .ics file can be imported for later years.
export const HOLIDAYS_2026: Closure[] = [
  { date: '2026-01-01', name: 'Tahun Baru 2026 Masehi', kind: 'libur_nasional' },
  { date: '2026-01-16', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2026-02-16', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2026-02-17', name: 'Tahun Baru Imlek 2577 Kongzili', kind: 'libur_nasional' },
  { date: '2026-03-18', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2026-03-19', name: 'Hari Suci Nyepi Tahun Baru Saka 1948', kind: 'libur_nasional' },
  { date: '2026-03-20', name: 'Cuti bersama Idulfitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-03-21', name: 'Idulfitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-22', name: 'Idulfitri 1447 H', kind: 'libur_nasional' },
  { date: '2026-03-23', name: 'Cuti bersama Idulfitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-03-24', name: 'Cuti bersama Idulfitri 1447 H', kind: 'cuti_bersama' },
  { date: '2026-04-03', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-04-05', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
  { date: '2026-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
  { date: '2026-05-14', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2026-05-15', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2026-05-27', name: 'Iduladha 1447 H', kind: 'libur_nasional' },
  { date: '2026-05-28', name: 'Cuti bersama Iduladha 1447 H', kind: 'cuti_bersama' },
  { date: '2026-05-31', name: 'Hari Raya Waisak 2570 BE', kind: 'libur_nasional' },
  { date: '2026-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
  { date: '2026-06-16', name: 'Tahun Baru Islam 1448 H', kind: 'libur_nasional' },
  { date: '2026-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
  { date: '2026-08-25', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2026-12-24', name: 'Cuti bersama Hari Raya Natal', kind: 'cuti_bersama' },
  { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
];
