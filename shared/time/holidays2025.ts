import type { Closure } from './closure';

// National holidays and cuti bersama 2025 (SKB Menteri Agama, Menteri Ketenagakerjaan dan
// MenPANRB Nomor 1017, 2 dan 2 Tahun 2024): for the complaints of that year an office
// enters from its old register, and a register begun late in 2025. Data the admin edits.
export const HOLIDAYS_2025: Closure[] = [
  { date: '2025-01-01', name: 'Tahun Baru 2025 Masehi', kind: 'libur_nasional' },
  { date: '2025-01-27', name: 'Isra Mikraj Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2025-01-28', name: 'Cuti bersama Tahun Baru Imlek', kind: 'cuti_bersama' },
  { date: '2025-01-29', name: 'Tahun Baru Imlek 2576 Kongzili', kind: 'libur_nasional' },
  { date: '2025-03-28', name: 'Cuti bersama Hari Suci Nyepi', kind: 'cuti_bersama' },
  { date: '2025-03-29', name: 'Hari Suci Nyepi Tahun Baru Saka 1947', kind: 'libur_nasional' },
  { date: '2025-03-31', name: 'Idulfitri 1446 H', kind: 'libur_nasional' },
  { date: '2025-04-01', name: 'Idulfitri 1446 H', kind: 'libur_nasional' },
  { date: '2025-04-02', name: 'Cuti bersama Idulfitri 1446 H', kind: 'cuti_bersama' },
  { date: '2025-04-03', name: 'Cuti bersama Idulfitri 1446 H', kind: 'cuti_bersama' },
  { date: '2025-04-04', name: 'Cuti bersama Idulfitri 1446 H', kind: 'cuti_bersama' },
  { date: '2025-04-07', name: 'Cuti bersama Idulfitri 1446 H', kind: 'cuti_bersama' },
  { date: '2025-04-18', name: 'Wafat Yesus Kristus', kind: 'libur_nasional' },
  { date: '2025-04-20', name: 'Kebangkitan Yesus Kristus (Paskah)', kind: 'libur_nasional' },
  { date: '2025-05-01', name: 'Hari Buruh Internasional', kind: 'libur_nasional' },
  { date: '2025-05-12', name: 'Hari Raya Waisak 2569 BE', kind: 'libur_nasional' },
  { date: '2025-05-13', name: 'Cuti bersama Hari Raya Waisak', kind: 'cuti_bersama' },
  { date: '2025-05-29', name: 'Kenaikan Yesus Kristus', kind: 'libur_nasional' },
  { date: '2025-05-30', name: 'Cuti bersama Kenaikan Yesus Kristus', kind: 'cuti_bersama' },
  { date: '2025-06-01', name: 'Hari Lahir Pancasila', kind: 'libur_nasional' },
  { date: '2025-06-06', name: 'Iduladha 1446 H', kind: 'libur_nasional' },
  { date: '2025-06-09', name: 'Cuti bersama Iduladha 1446 H', kind: 'cuti_bersama' },
  { date: '2025-06-27', name: 'Tahun Baru Islam 1447 H', kind: 'libur_nasional' },
  { date: '2025-08-17', name: 'Hari Kemerdekaan Republik Indonesia', kind: 'libur_nasional' },
  { date: '2025-09-05', name: 'Maulid Nabi Muhammad SAW', kind: 'libur_nasional' },
  { date: '2025-12-25', name: 'Hari Raya Natal', kind: 'libur_nasional' },
  { date: '2025-12-26', name: 'Cuti bersama Hari Raya Natal', kind: 'cuti_bersama' },
];
