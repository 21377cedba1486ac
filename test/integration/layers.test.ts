import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';

// The layer rules of .dependency-cruiser.cjs, run on a small copy of the tree's shape
// built in a temp folder: each forbidden import must be reported, each allowed one not.
// Probes never touch the real tree, where other tools (tsc, vite) would see them.
const root = join(__dirname, '..', '..');
const config = createRequire(join(root, 'package.json'))('./.dependency-cruiser.cjs') as IConfiguration;

const files: Record<string, string> = {
  // the layers, importing only what they may
  'shared/contract.ts': 'export const contract = 1;\n',
  'main/core/db/open.ts': "import { contract } from '../../../shared/contract';\nexport const open = contract;\n",
  'main/core/errors.ts': "import { contract } from '../../shared/contract';\nexport const errors = contract;\n",
  'main/core/handlers.ts': "import { open } from './db/open';\nimport { errors } from './errors';\nimport { readFileSync } from 'node:fs';\nexport const handlers = [open, errors, readFileSync];\n",
  'main/http/server.ts': "import { createServer } from 'node:http';\nimport { handlers } from '../core/handlers';\nexport const server = [createServer, handlers];\n",
  'main/electron/app.ts': "import { app } from 'electron';\nimport { handlers } from '../core/handlers';\nexport const desktop = [app, handlers];\n",
  'renderer/api.ts': "import { useState } from 'react';\nimport { contract } from '../shared/contract';\nexport const api = [useState, contract];\n",
  // the probes
  'main/core/zz-http.ts': "import { server } from '../http/server';\nexport const p = server;\n",
  'main/core/zz-electron.ts': "import { desktop } from '../electron/app';\nexport const p = desktop;\n",
  'main/core/zz-node-http.ts': "import { createServer } from 'node:http';\nexport const p = createServer;\n",
  'main/core/zz-electron-pkg.ts': "import { app } from 'electron';\nexport const p = app;\n",
  'shared/zz-main.ts': "import { errors } from '../main/core/errors';\nexport const p = errors;\n",
  'shared/zz-renderer.ts': "import { api } from '../renderer/api';\nexport const p = api;\n",
  'shared/zz-node.ts': "import { join } from 'node:path';\nexport const p = join;\n",
  'shared/zz-react.ts': "import { useState } from 'react';\nexport const p = useState;\n",
  'renderer/zz-core.ts': "import { errors } from '../main/core/errors';\nexport const p = errors;\n",
  'renderer/zz-node.ts': "import { readFileSync } from 'node:fs';\nexport const p = readFileSync;\n",
  'renderer/zz-sqlite.ts': "import Database from 'better-sqlite3';\nexport const p = Database;\n",
  // a type-only import counts: db/ must not even know the core's types
  'main/core/db/zz-errors.ts': "import type { errors } from '../errors';\nexport type P = typeof errors;\n",
  'main/core/workflow/zz-a.ts': "import { b } from '../complaints/zz-b';\nexport const a = () => b;\n",
  'main/core/complaints/zz-b.ts': "import { a } from '../workflow/zz-a';\nexport const b = () => a;\n",
};

let dir: string;
let result: ICruiseResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Packages resolve as in the project, so a rule on node_modules/electron/ is exercised.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const { tsConfig: _tsConfig, ...options } = config.options ?? {};
  const out = await cruise(['main', 'shared', 'renderer'], {
    ...options,
    baseDir: dir,
    preserveSymlinks: true,
    validate: true,
    ruleSet: { forbidden: config.forbidden ?? [] },
  });
  result = out.output as ICruiseResult;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('layer rules', () => {
  it('report each forbidden import and nothing else', () => {
    const found = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual(
      [
        'core-not-transports: main/core/zz-electron-pkg.ts → node_modules/electron/index.js',
        'core-not-transports: main/core/zz-electron.ts → main/electron/app.ts',
        'core-not-transports: main/core/zz-node-http.ts → http',
        'core-not-transports: main/core/zz-http.ts → main/http/server.ts',
        'db-bottom: main/core/db/zz-errors.ts → main/core/errors.ts',
        'no-circular: main/core/complaints/zz-b.ts → main/core/workflow/zz-a.ts',
        'renderer-no-node: renderer/zz-sqlite.ts → node_modules/better-sqlite3/lib/index.js',
        'renderer-only-shared: renderer/zz-core.ts → main/core/errors.ts',
        'renderer-only-shared: renderer/zz-node.ts → fs',
        'shared-no-node-builtins: shared/zz-node.ts → path',
        'shared-no-platform: shared/zz-react.ts → node_modules/react/index.js',
        'shared-pure: shared/zz-main.ts → main/core/errors.ts',
        'shared-pure: shared/zz-renderer.ts → renderer/api.ts',
      ].sort(),
    );
  });
});
