import { resolve } from 'node:path';

// The pages a signed-in user lands on at an address (renderer/App.tsx preloadLanding; the
// pages of one role only, such as the dashboard and its chart library, are left to the
// app): renderer/boot.js fetches each one's files while the app's own code is still on its
// way. Paths of the pages are relative to the renderer folder.
export const LANDING_PAGES: Record<string, string> = {
  '/register': 'pages/RegisterPage.tsx',
  '/tugas': 'pages/TasksPage.tsx',
  '/rekap': 'pages/RecapPage.tsx',
  '/pengaduan/baru': 'pages/IntakePage.tsx',
};

// The register's early screen (renderer/earlyScreen.ts), an entry of its own beside the
// app's index.html: drawn before the app's code has run, so it imports none of it.
export const EARLY_SCREEN = 'earlyScreen.ts';

// What the renderer's build (vite, in generateBundle) knows of each file it wrote.
export type BuiltFile =
  | { type: 'chunk'; fileName: string; isEntry: boolean; facadeModuleId?: string | null; imports: string[]; viteMetadata?: { importedCss: Set<string> } }
  | { type: 'asset' };

type BuiltChunk = Extract<BuiltFile, { type: 'chunk' }>;

const chunksOf = (bundle: Record<string, BuiltFile>) => Object.values(bundle).filter((o): o is BuiltChunk => o.type === 'chunk');

// The chunks `start` loads: themselves and every chunk they import, at any depth.
function reachOf(chunks: BuiltChunk[], start: string[]): Set<string> {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const walk = (name: string) => {
    if (seen.has(name) || !byName.has(name)) return;
    seen.add(name);
    for (const next of byName.get(name)!.imports) walk(next);
  };
  start.forEach(walk);
  return seen;
}

const cssOf = (chunks: BuiltChunk[], names: Iterable<string>) => {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  return [...names].flatMap((name) => [...(byName.get(name)?.viteMetadata?.importedCss ?? [])]);
};

// An entry chunk (its source file under the renderer folder), every chunk it imports and their styles.
function entryFiles(bundle: Record<string, BuiltFile>, rendererDir: string, source: string): { entry: string; imports: string[]; css: string[] } | null {
  const chunks = chunksOf(bundle);
  const entry = chunks.find((c) => c.isEntry && c.facadeModuleId === resolve(rendererDir, source));
  if (!entry) return null;
  const js = reachOf(chunks, [entry.fileName]);
  return { entry: entry.fileName, imports: [...js].filter((name) => name !== entry.fileName), css: cssOf(chunks, js) };
}

// The early screen's script, the scripts it imports and their styles, for index.html.
export const earlyScreenFiles = (bundle: Record<string, BuiltFile>, rendererDir: string) => entryFiles(bundle, rendererDir, EARLY_SCREEN);

// The app's entry (index.html's own module script) and every chunk it imports, for
// renderer/boot.js, which starts them (index.html no longer names them).
export function appFiles(bundle: Record<string, BuiltFile>, rendererDir: string): { entry: string; imports: string[] } | null {
  const files = entryFiles(bundle, rendererDir, 'index.html');
  return files && { entry: files.entry, imports: files.imports };
}

// Each landing page's chunk, the chunks it imports that the first load does not bring
// already, and their styles: the files boot.js preloads for that address.
export function landingFiles(bundle: Record<string, BuiltFile>, rendererDir: string): Record<string, string[]> {
  const chunks = chunksOf(bundle);
  // What the page loads before any landing page: the app's entry and the early screen's.
  const first = reachOf(chunks, chunks.filter((c) => c.isEntry).map((c) => c.fileName));
  const out: Record<string, string[]> = {};
  for (const [path, page] of Object.entries(LANDING_PAGES)) {
    const chunk = chunks.find((c) => c.facadeModuleId === resolve(rendererDir, page));
    if (!chunk) continue;
    const js = [...reachOf(chunks, [chunk.fileName])].filter((name) => !first.has(name));
    out[path] = [...js, ...cssOf(chunks, js)];
  }
  return out;
}

// V8's explicit compile hint: every function of a file that starts with it is compiled
// when the file is (as it streams in, off the page's main thread) rather than when first
// called, and so is kept in the browser's code cache for the next start.
export const COMPILE_ALL_HINT = '//# allFunctionsCalledOnLoad\n';

// The scripts the first screen runs at once: the app's entry, the landing pages and
// everything they import. Their functions nearly all run while the first page renders.
export function firstScreenChunks(bundle: Record<string, BuiltFile>, rendererDir: string): string[] {
  const chunks = chunksOf(bundle);
  const start = [...chunks.filter((c) => c.isEntry).map((c) => c.fileName), ...Object.values(landingFiles(bundle, rendererDir)).flat()];
  return [...reachOf(chunks, start)].sort();
}
