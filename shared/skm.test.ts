import { describe, expect, it } from 'vitest';
import { computeIkm, emptyTotals, SKM_ELEMENTS, skmGrade, skmProfileGroups, type SkmTotals } from './skm';

// Five questionnaires, worked through by hand with the annex's steps of PermenPANRB
// 14/2017 (NRR per unsur = Σ nilai / jumlah responden; NRR tertimbang = NRR × 0,111;
// IKM = Σ NRR tertimbang × 25). The annex gives the method and the intervals, not these
// figures: the sums, NRRs and the index below were computed on paper from the table.
//
//        U1 U2 U3 U4 U5 U6 U7 U8 U9
//   R1    4  3  3  4  3  3  4  3  3
//   R2    3  3  2  4  3  3  3  3  2
//   R3    4  4  3  4  4  3  4  3  3
//   R4    3  3  3  4  3  4  4  2  3
//   R5    3  2  3  4  3  3  3  3  3
//   Σ    17 15 14 20 16 16 18 14 14
//   NRR 3.4 3.0 2.8 4.0 3.2 3.2 3.6 2.8 2.8        Σ NRR = 28.8
//   NRR tertimbang: 0.3774 0.333 0.3108 0.444 0.3552 0.3552 0.3996 0.3108 0.3108
//   Σ NRR tertimbang = 28.8 × 0.111 = 3.1968;  IKM = 3.1968 × 25 = 79.92 → B (Baik)
const TABLE = [
  [4, 3, 3, 4, 3, 3, 4, 3, 3],
  [3, 3, 2, 4, 3, 3, 3, 3, 2],
  [4, 4, 3, 4, 4, 3, 4, 3, 3],
  [3, 3, 3, 4, 3, 4, 4, 2, 3],
  [3, 2, 3, 4, 3, 3, 3, 3, 3],
];

function totalsOf(rows: number[][]): SkmTotals {
  const t = emptyTotals();
  for (const row of rows) {
    t.respondents++;
    SKM_ELEMENTS.forEach((e, i) => (t.sums[e] += row[i]!));
  }
  return t;
}

describe('IKM (PermenPANRB 14/2017)', () => {
  it('reproduces the worked example computed by hand', () => {
    const r = computeIkm(totalsOf(TABLE))!;
    expect(r.respondents).toBe(5);
    expect(Object.values(r.nrr).map((x) => +x.toFixed(4))).toEqual([3.4, 3.0, 2.8, 4.0, 3.2, 3.2, 3.6, 2.8, 2.8]);
    expect(Object.values(r.weighted).map((x) => +x.toFixed(4))).toEqual([0.3774, 0.333, 0.3108, 0.444, 0.3552, 0.3552, 0.3996, 0.3108, 0.3108]);
    expect(r.index).toBeCloseTo(3.1968, 10);
    expect(r.ikm).toBe(79.92);
    expect(r.grade).toBe('B');
  });

  it('gives every element its own NRR, so one low element pulls the index down', () => {
    const allFour = Array.from({ length: 3 }, () => [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    // 9 × 4 × 0.111 × 25 = 99.9: the regulation's 0.111 stands for 1/9.
    expect(computeIkm(totalsOf(allFour))!.ikm).toBe(99.9);
    const lowTime = allFour.map((r) => r.map((s, i) => (i === 2 ? 1 : s)));
    // (8 × 4 + 1) × 0.111 × 25 = 91.575 → 91.58
    expect(computeIkm(totalsOf(lowTime))!.ikm).toBe(91.58);
  });

  it('has no index without respondents', () => {
    expect(computeIkm(emptyTotals())).toBeNull();
  });

  it('grades at the interval boundaries of the regulation', () => {
    expect(skmGrade(100)).toBe('A');
    expect(skmGrade(88.31)).toBe('A');
    expect(skmGrade(88.3)).toBe('B');
    expect(skmGrade(76.61)).toBe('B');
    expect(skmGrade(76.6)).toBe('C');
    expect(skmGrade(65.0)).toBe('C');
    expect(skmGrade(64.99)).toBe('D');
    expect(skmGrade(25)).toBe('D');
  });
});

describe('respondent profile', () => {
  it('puts each age in one band, the bands meeting at 25, 35, 45 and 55, and lists every answer with its count', () => {
    const ages = [15, 24, 25, 34, 35, 44, 45, 54, 55, 100];
    const groups = skmProfileGroups([
      ...ages.map((a) => ({ field: 'age' as const, value: String(a), n: 1 })),
      { field: 'gender', value: 'P', n: 7 },
      { field: 'gender', value: 'L', n: 3 },
      { field: 'occupation', value: '', n: 2 },
      { field: 'occupation', value: 'pns', n: 8 },
    ]);
    const byTitle = Object.fromEntries(groups.map((g) => [g.title, g.rows.map((r) => [r.label, r.n])]));
    expect(byTitle.Usia).toEqual([
      ['15–24 tahun', 2],
      ['25–34 tahun', 2],
      ['35–44 tahun', 2],
      ['45–54 tahun', 2],
      ['55 tahun ke atas', 2],
    ]);
    expect(byTitle['Jenis kelamin']).toEqual([
      ['Laki-laki', 3],
      ['Perempuan', 7],
    ]);
    expect(byTitle.Pekerjaan!.at(0)).toEqual(['PNS', 8]);
    expect(byTitle.Pekerjaan!.at(-1)).toEqual(['Tidak diisi', 2]);
    // Education was not counted: every level listed, at zero.
    expect(byTitle['Pendidikan terakhir']!.every(([, n]) => n === 0)).toBe(true);
    expect(byTitle['Pendidikan terakhir']).toHaveLength(7);
  });
});
