import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { landingFiles, LANDING_PAGES } from '../../main/build/landing';
import { contract } from '../../shared/contract';

const root = join(__dirname, '..', '..');
const source = readFileSync(join(root, 'renderer', 'boot.js'), 'utf8');

// The register's own reading of its address (a renderer module, typed for the browser).
type Query = typeof import('../../shared/schemas/complaint').complaintQuerySchema._output;
async function registerQuery(): Promise<{ readFilters(p: URLSearchParams, q: string): unknown; toQuery(f: unknown): Query }> {
  return (await import(join(root, 'renderer', 'components', 'register', 'query.ts'))) as never;
}

interface Page {
  path: string;
  search?: string;
  stored?: Record<string, string>;
  desktop?: boolean;
  landing?: Record<string, string[]>;
}

// renderer/boot.js as the page runs it: what it asks for and which links it adds to <head>.
function runBoot(page: Page) {
  const sent: { url: string; body: string }[] = [];
  const links: { rel: string; as?: string; href: string; crossOrigin?: string }[] = [];
  const invoked: { name: string; input: unknown; quiet: boolean }[] = [];
  const window: Record<string, unknown> = page.desktop
    ? {
        tanggap: {
          invoke: (name: string, input: unknown, quiet: boolean) => {
            invoked.push({ name, input, quiet });
            return new Promise(() => undefined);
          },
        },
      }
    : {};
  const context = {
    window,
    location: { pathname: page.path, search: page.search ?? '' },
    sessionStorage: { getItem: (k: string) => page.stored?.[k] ?? null },
    document: { createElement: () => ({}), head: { appendChild: (l: (typeof links)[number]) => links.push(l) } },
    fetch: (url: string, init: { body: string }) => {
      sent.push({ url, body: init.body });
      return new Promise(() => undefined);
    },
  };
  // The build fills the landing files in (renderer/vite.config.ts).
  const code = page.landing ? source.replace('/* landing files */ {}', () => JSON.stringify(page.landing)) : source;
  vm.runInNewContext(code, context);
  return { sent, invoked, links, window };
}

describe('the boot script', () => {
  it('asks for the register’s first page, exactly as the register asks for it unfiltered, beside the four first reads and before two of them', async () => {
    const { readFilters, toQuery } = await registerQuery();
    const { sent, window } = runBoot({ path: '/register' });
    // What the early screen waits for first: a server just started answers in turn.
    expect(sent.map((s) => s.url)).toEqual(['/api/auth.me', '/api/office.get', '/api/complaints.list', '/api/setup.status', '/api/calendar.get']);
    const list = sent.find((s) => s.url === '/api/complaints.list')!;
    expect(list.body).toBe(JSON.stringify(toQuery(readFilters(new URLSearchParams(), ''))));
    expect(contract['complaints.list'].input.safeParse(JSON.parse(list.body)).success).toBe(true);
    expect(window.tanggapAhead).toEqual([{ name: 'complaints.list', body: list.body, answer: expect.any(Promise) }]);
  });

  it('leaves the list to the register when the address has filters, a search is kept, or another page opens', () => {
    for (const page of [{ path: '/register', search: '?status=selesai' }, { path: '/register', stored: { 'tanggap:register-cari': 'Sulastri' } }, { path: '/tugas' }, { path: '/' }]) {
      const { sent, window } = runBoot(page);
      expect(sent.map((s) => s.url)).toEqual(['/api/auth.me', '/api/office.get', '/api/setup.status', '/api/calendar.get']);
      expect(window.tanggapAhead).toBeUndefined();
    }
  });

  it('asks the same over IPC in the desktop app, as the app asks there, and nothing over HTTP', async () => {
    const { readFilters, toQuery } = await registerQuery();
    const { sent, invoked, window } = runBoot({ path: '/register', desktop: true });
    expect(sent).toEqual([]);
    expect(invoked).toEqual([
      { name: 'auth.me', input: {}, quiet: false },
      { name: 'office.get', input: {}, quiet: false },
      { name: 'complaints.list', input: toQuery(readFilters(new URLSearchParams(), '')), quiet: false },
      { name: 'setup.status', input: {}, quiet: false },
      { name: 'calendar.get', input: {}, quiet: false },
    ]);
    expect(window.tanggapAhead).toEqual([{ name: 'complaints.list', body: JSON.stringify(invoked[2]!.input), answer: expect.any(Promise) }]);
  });

  it('preloads the landing page’s files for its address only, as the app’s own loader asks for them', () => {
    const landing = { '/register': ['assets/RegisterPage-a.js', 'assets/query-b.js', 'assets/RegisterPage-c.css'] };
    expect(runBoot({ path: '/register', landing }).links).toEqual([
      { rel: 'modulepreload', crossOrigin: '', href: '/assets/RegisterPage-a.js' },
      { rel: 'modulepreload', crossOrigin: '', href: '/assets/query-b.js' },
      { rel: 'preload', as: 'style', crossOrigin: '', href: '/assets/RegisterPage-c.css' },
    ]);
    expect(runBoot({ path: '/tugas', landing }).links).toEqual([]);
    expect(runBoot({ path: '/register' }).links).toEqual([]);
  });

  it('gets from the build each landing page’s chunk and what it imports that the first load does not bring', () => {
    const page = (file: string) => join(root, 'renderer', file);
    const chunk = (fileName: string, imports: string[], extra: Record<string, unknown> = {}) => ({ type: 'chunk', fileName, imports, isEntry: false, facadeModuleId: null, ...extra });
    const bundle = {
      'index.js': chunk('assets/index.js', ['assets/react.js'], { isEntry: true, facadeModuleId: page('index.html') }),
      'react.js': chunk('assets/react.js', []),
      'RegisterPage.js': chunk('assets/RegisterPage.js', ['assets/react.js', 'assets/query.js'], {
        facadeModuleId: page(LANDING_PAGES['/register']!),
        viteMetadata: { importedCss: new Set(['assets/RegisterPage.css']) },
      }),
      'query.js': chunk('assets/query.js', ['assets/shared.js']),
      'shared.js': chunk('assets/shared.js', [], { viteMetadata: { importedCss: new Set(['assets/shared.css']) } }),
      'TasksPage.js': chunk('assets/TasksPage.js', ['assets/shared.js'], { facadeModuleId: page(LANDING_PAGES['/tugas']!) }),
      'logo.png': { type: 'asset' },
    };
    expect(landingFiles(bundle as never, join(root, 'renderer'))).toEqual({
      '/register': ['assets/RegisterPage.js', 'assets/query.js', 'assets/shared.js', 'assets/RegisterPage.css', 'assets/shared.css'],
      '/tugas': ['assets/TasksPage.js', 'assets/shared.js', 'assets/shared.css'],
    });
  });
});
