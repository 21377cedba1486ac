import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_ALL_HINT, firstScreenChunks, LANDING_PAGES } from '../../main/build/landing';

const root = join(__dirname, '..', '..');
const page = (file: string) => join(root, 'renderer', file);
const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}) => ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra });

describe('the first screen’s scripts, compiled whole (renderer/vite.config.ts compileHints)', () => {
  it('are the entry and the landing pages with everything they import, not the other pages', () => {
    const bundle = {
      'assets/index.js': chunk('assets/index.js', ['assets/react.js'], { isEntry: true, facadeModuleId: page('index.html') }),
      'assets/react.js': chunk('assets/react.js', ['assets/runtime.js']),
      'assets/runtime.js': chunk('assets/runtime.js', []),
      'assets/RegisterPage.js': chunk('assets/RegisterPage.js', ['assets/react.js', 'assets/query.js'], {
        facadeModuleId: page(LANDING_PAGES['/register']!),
        viteMetadata: { importedCss: new Set(['assets/RegisterPage.css']) },
      }),
      'assets/query.js': chunk('assets/query.js', ['assets/shared.js']),
      'assets/shared.js': chunk('assets/shared.js', []),
      'assets/TasksPage.js': chunk('assets/TasksPage.js', ['assets/shared.js'], { facadeModuleId: page(LANDING_PAGES['/tugas']!) }),
      // A page of one role with a large library, fetched when its route opens: left lazy.
      'assets/DashboardPage.js': chunk('assets/DashboardPage.js', ['assets/charts.js'], { facadeModuleId: page('pages/DashboardPage.tsx') }),
      'assets/charts.js': chunk('assets/charts.js', []),
      'assets/RegisterPage.css': { type: 'asset' },
    };
    expect(firstScreenChunks(bundle as never, join(root, 'renderer'))).toEqual([
      'assets/RegisterPage.js',
      'assets/TasksPage.js',
      'assets/index.js',
      'assets/query.js',
      'assets/react.js',
      'assets/runtime.js',
      'assets/shared.js',
    ]);
  });

  it('is V8’s own magic comment on a line of its own', () => {
    expect(COMPILE_ALL_HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });
});
