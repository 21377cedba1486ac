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

// What the renderer's build (vite, in generateBundle) knows of each file it wrote.
export type BuiltFile =
  | { type: 'chunk'; fileName: string; isEntry: boolean; facadeModuleId?: string | null; imports: string[]; viteMetadata?: { importedCss: Set<string> } }
  | { type: 'asset' };

type BuiltChunk = Extract<BuiltFile, { type: 'chunk' }>;

// Each landing page's chunk, the chunks it imports that the first load does not bring
// already, and their styles: the files boot.js preloads for that address.
export function landingFiles(bundle: Record<string, BuiltFile>, rendererDir: string): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((o): o is BuiltChunk => o.type === 'chunk');
  const entry = chunks.find((c) => c.isEntry);
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const reach = (start: string[]) => {
    const seen = new Set<string>();
    const walk = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const next of byName.get(name)?.imports ?? []) walk(next);
    };
    start.forEach(walk);
    return seen;
  };
  const first = reach(entry ? [entry.fileName] : []);
  const out: Record<string, string[]> = {};
  for (const [path, page] of Object.entries(LANDING_PAGES)) {
    const chunk = chunks.find((c) => c.facadeModuleId === resolve(rendererDir, page));
    if (!chunk) continue;
    const js = [...reach([chunk.fileName])].filter((name) => !first.has(name));
    const css = js.flatMap((name) => [...(byName.get(name)?.viteMetadata?.importedCss ?? [])]);
    out[path] = [...js, ...css];
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
  const chunks = Object.values(bundle).filter((o): o is BuiltChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const js = new Set<string>();
  const walk = (name: string) => {
    if (js.has(name) || !byName.has(name)) return;
    js.add(name);
    for (const next of byName.get(name)!.imports) walk(next);
  };
  for (const entry of chunks.filter((c) => c.isEntry)) walk(entry.fileName);
  for (const name of Object.values(landingFiles(bundle, rendererDir)).flat()) walk(name);
  return [...js].sort();
}
