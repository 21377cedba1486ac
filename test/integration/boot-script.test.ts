import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { appFiles, landingFiles, LANDING_PAGES } from '../../main/build/landing';
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
  // The app's files as the build fills them in.
  app?: { entry: string; imports: string[] };
  // The register's early screen saved in this browser (renderer/lib/earlyScreen.ts).
  savedScreen?: boolean;
  readyState?: 'loading' | 'interactive';
}

const APP = { entry: 'assets/index-a.js', imports: ['assets/react-b.js', 'assets/mantine-c.js'] };

// renderer/boot.js as the page runs it: what it asks for and which links it adds to <head>.
function runBoot(page: Page) {
  const sent: { url: string; body: string }[] = [];
  const links: { rel: string; as?: string; href: string; crossOrigin?: string }[] = [];
  // The app's entry as added (a module script marked data-app), and what waits on the page or a timer.
  const scripts: { type?: string; src?: string; crossOrigin?: string; attributes: Record<string, string> }[] = [];
  const onParsed: (() => void)[] = [];
  const timers: { run: () => void; ms: number }[] = [];
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
    localStorage: { getItem: (k: string) => (page.savedScreen && k === 'tanggap.layarAwal' ? '{"who":"…"}' : null) },
    setTimeout: (run: () => void, ms: number) => timers.push({ run, ms }),
    document: {
      readyState: page.readyState ?? 'interactive',
      addEventListener: (type: string, run: () => void) => type === 'DOMContentLoaded' && onParsed.push(run),
      createElement: (tag: string) => (tag === 'script' ? { attributes: {}, setAttribute(k: string, v: string) { (this as { attributes: Record<string, string> }).attributes[k] = v; } } : {}),
      head: { appendChild: (el: (typeof links)[number] & (typeof scripts)[number]) => ('rel' in el ? links.push(el) : scripts.push(el)) },
    },
    fetch: (url: string, init: { body: string }) => {
      sent.push({ url, body: init.body });
      return new Promise(() => undefined);
    },
  };
  // The build fills the landing files in (renderer/vite.config.ts).
  let code = page.landing ? source.replace('/* landing files */ {}', () => JSON.stringify(page.landing)) : source;
  if (page.app) code = code.replace('/* app files */ null', () => JSON.stringify(page.app));
  vm.runInNewContext(code, context);
  const parsed = () => {
    context.document.readyState = 'interactive';
    onParsed.splice(0).forEach((run) => run());
  };
  return { sent, invoked, links, scripts, timers, parsed, window };
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

  it('starts the app’s code at once, its files preloaded and its entry added once the page is parsed, when no early screen may be drawn', () => {
    const entry = { type: 'module', crossOrigin: '', src: '/assets/index-a.js', attributes: { 'data-app': '' } };
    const appLinks = [APP.entry, ...APP.imports].map((f) => ({ rel: 'modulepreload', crossOrigin: '', href: `/${f}` }));
    // Another page, the register with a search kept, or no early screen saved in this browser.
    for (const page of [
      { path: '/tugas', savedScreen: true },
      { path: '/register', savedScreen: true, stored: { 'tanggap:register-cari': 'Sulastri' } },
      { path: '/register', savedScreen: false },
    ]) {
      const run = runBoot({ ...page, app: APP, readyState: 'loading' });
      expect(run.links, page.path).toEqual(appLinks);
      // Added while the page is still parsed it could run before the app's root exists.
      expect(run.scripts).toEqual([]);
      run.parsed();
      expect(run.scripts).toMatchObject([entry]);
      expect(run.scripts).toHaveLength(1);
      expect((run.window as { tanggapStartApp?: unknown }).tanggapStartApp).toBeUndefined();
    }
    expect(runBoot({ path: '/', app: APP }).scripts).toMatchObject([entry]);
  });

  it('holds the app’s code back while the register’s early screen may be drawn, until it asks or at the latest after 1.5 s, and starts it once', () => {
    const run = runBoot({ path: '/register', app: APP, savedScreen: true, readyState: 'loading' });
    run.parsed();
    expect(run.links).toEqual([]);
    expect(run.scripts).toEqual([]);
    const start = (run.window as { tanggapStartApp: () => void }).tanggapStartApp;
    start();
    expect(run.links.map((l) => l.href)).toEqual([APP.entry, ...APP.imports].map((f) => `/${f}`));
    expect(run.scripts.map((s) => s.src)).toEqual(['/assets/index-a.js']);
    start();
    expect(run.timers.map((t) => t.ms)).toEqual([1500]);
    run.timers[0]!.run();
    expect(run.scripts).toHaveLength(1);
    expect(run.links).toHaveLength(1 + APP.imports.length);

    // Nothing drawn in time: the timer starts it.
    const late = runBoot({ path: '/register', app: APP, savedScreen: true });
    expect(late.scripts).toEqual([]);
    late.timers[0]!.run();
    expect(late.scripts.map((s) => s.src)).toEqual(['/assets/index-a.js']);
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
    expect(appFiles(bundle as never, join(root, 'renderer'))).toEqual({ entry: 'assets/index.js', imports: ['assets/react.js'] });
    expect(landingFiles(bundle as never, join(root, 'renderer'))).toEqual({
      '/register': ['assets/RegisterPage.js', 'assets/query.js', 'assets/shared.js', 'assets/RegisterPage.css', 'assets/shared.css'],
      '/tugas': ['assets/TasksPage.js', 'assets/shared.js', 'assets/shared.css'],
    });
  });
});
