import { describe, expect, it } from 'vitest';
import { listWords } from './words';

describe('listWords', () => {
  it('joins the words once each, the last with the conjunction', () => {
    expect(listWords([], 'dan')).toBe('');
    expect(listWords(['Agus'], 'dan')).toBe('Agus');
    expect(listWords(['Agus', 'Sri', 'Agus'], 'dan')).toBe('Agus dan Sri');
    expect(listWords(['mendisposisikan', 'mengambil alih', 'menyelesaikan'], 'atau')).toBe('mendisposisikan, mengambil alih atau menyelesaikan');
  });
});
