import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, auditCategoryOf } from '../../../shared/audit/labels';

// Every action the core writes with a code of its own reads in Indonesian in the audit
// list and falls in one of its groups (Jenis), rather than showing its raw code.
const CORE = join(__dirname, '..');

function writtenActions(): string[] {
  const codes = new Set<string>();
  for (const entry of readdirSync(CORE, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    // The code given as `action: …` or as the first argument of an audit(ctx, …) helper,
    // either side of a ternary included: up to the next comma (a code built from a
    // variable, such as complaint.<exit>, is not seen here).
    for (const [, given] of text.matchAll(/(?:\baction: |\baudit\(\w+, )([^,\n]*)/g)) {
      for (const [, code] of given!.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) codes.add(code!);
    }
  }
  return [...codes].sort();
}

describe('audit action labels', () => {
  it('name and group every action code the core writes', () => {
    const codes = writtenActions();
    // The scan finds the core's codes (a broken pattern would find none and pass).
    expect(codes).toContain('disposition.return_lapsed');
    expect(codes).toEqual(expect.arrayContaining(['user.created', 'user.deactivated', 'document.signed_wet']));
    expect(codes.length).toBeGreaterThan(50);
    expect(codes.filter((code) => auditActionLabel(code) === code)).toEqual([]);
    expect(codes.filter((code) => auditCategoryOf(code) === null)).toEqual([]);
  });
});
