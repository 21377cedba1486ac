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
    for (const m of text.matchAll(/action: '([a-z_]+\.[a-z_.]+)'/g)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

describe('audit action labels', () => {
  it('name and group every action code the core writes', () => {
    const codes = writtenActions();
    // The scan finds the core's codes (a broken pattern would find none and pass).
    expect(codes).toContain('disposition.return_lapsed');
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => auditActionLabel(code) === code)).toEqual([]);
    expect(codes.filter((code) => auditCategoryOf(code) === null)).toEqual([]);
  });
});
