import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressDir } from '../main/build/precompress';
import { appFiles, COMPILE_ALL_HINT, EARLY_SCREEN, earlyScreenFiles, firstScreenChunks, landingFiles, type BuiltFile } from '../main/build/landing';

// The .br and .gz twins the HTTP server sends (main/build/precompress.ts).
function precompress(): Plugin {
  return { name: 'tanggap-precompress', apply: 'build', writeBundle: (options) => void precompressDir(options.dir!) };
}

// renderer/boot.js, a plain script the page runs while it is still parsed (the first
// reads leave before the app's code arrives), named by its content's hash like the rest
// and put first in index.html. It also starts the app's code: the build takes the app's
// entry and its preloads out of index.html and gives them to boot.js. Without it (vite
// dev) the page keeps its entry and the app sends the reads itself.
function bootScript(): Plugin {
  let fileName = '';
  let app: ReturnType<typeof appFiles> = null;
  return {
    name: 'tanggap-boot-script',
    apply: 'build',
    enforce: 'pre',
    generateBundle(_options, bundle) {
      const built = bundle as unknown as Record<string, BuiltFile>;
      app = appFiles(built, __dirname);
      if (!app) this.error("the app's entry (index.html) is missing from the build");
      const source = readFileSync(resolve(__dirname, 'boot.js'), 'utf8')
        .replace('/* landing files */ {}', () => JSON.stringify(landingFiles(built, __dirname)))
        .replace('/* app files */ null', () => JSON.stringify(app));
      fileName = this.getFileName(this.emitFile({ type: 'asset', name: 'boot.js', source }));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const { entry, imports } = app!;
        // Its script tag or preload link (the build's names: letters, digits, "-", "_", "." and "/").
        const tag = (name: string) => new RegExp(`\\s*<(script|link)[^>]*(src|href)="/${name.replace(/\./g, '\\.')}"[^>]*>(</script>)?`);
        let page = html;
        for (const name of [entry, ...imports]) page = page.replace(tag(name), '');
        if (page.includes(`/${entry}"`)) throw new Error(`index.html still names the app's entry ${entry}`);
        // Right after the charset: asked for first, ahead of the page's other files.
        return page.replace(/<meta charset="UTF-8" \/>/, `$&\n    <script src="/${fileName}"></script>`);
      },
    },
  };
}

// renderer/earlyScreen.ts, the register's early screen, built as an entry of its own and
// put in index.html (from which boot.js takes the app's entry out, so it runs first); its
// styles (the register's table and badges) linked after the app's, as the register's page
// would add them.
function earlyScreen(): Plugin {
  let files: ReturnType<typeof earlyScreenFiles> = null;
  return {
    name: 'tanggap-early-screen',
    apply: 'build',
    enforce: 'pre',
    generateBundle(_options, bundle) {
      files = earlyScreenFiles(bundle as unknown as Record<string, BuiltFile>, __dirname);
      if (!files) this.error(`${EARLY_SCREEN} is missing from the build`);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const { entry, imports, css } = files!;
        // Each linked unless the page links it already.
        const linked = (name: string) => html.includes(`href="/${name}"`);
        const preloads = imports.filter((name) => !linked(name)).map((name) => `<link rel="modulepreload" crossorigin href="/${name}">`);
        const scripts = [`<script type="module" crossorigin src="/${entry}"></script>`, ...preloads];
        const styles = css.filter((name) => !linked(name)).map((name) => `<link rel="stylesheet" crossorigin href="/${name}">`);
        // Before the page's stylesheets, where the app's entry stood.
        return html
          .replace(/<link rel="stylesheet"/, (first) => `${scripts.join('\n    ')}\n    ${first}`)
          .replace(/<\/head>/, (end) => (styles.length ? `  ${styles.join('\n    ')}\n  ${end}` : end));
      },
    },
  };
}

// The first screen's scripts (main/build/landing.ts firstScreenChunks) start with V8's
// hint to compile all their functions with the file: on a later start the browser's code
// cache holds the functions the first render runs, which it otherwise compiles again on
// the main thread each start. The other pages' files are left to V8's lazy compiling.
function compileHints(): Plugin {
  return {
    name: 'tanggap-compile-hints',
    apply: 'build',
    // After vite's own additions to the chunks. The entry still keeps vite's one-line map
    // of preloads above the hint; V8 applies the hint to every function after it.
    enforce: 'post',
    generateBundle(options, bundle) {
      // A hint line would shift a source map's lines.
      if (options.sourcemap) return;
      for (const name of firstScreenChunks(bundle as unknown as Record<string, BuiltFile>, __dirname)) {
        const chunk = bundle[name];
        if (chunk?.type === 'chunk') chunk.code = COMPILE_ALL_HINT + chunk.code;
      }
    },
  };
}

// The renderer is plain static files: served by main/http for a browser and by the
// app:// protocol in Electron. TANGGAP_RENDERER_DIR puts a second build elsewhere (main/http/cli.ts serves it).
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react(), bootScript(), earlyScreen(), compileHints(), precompress()],
  build: {
    outDir: process.env.TANGGAP_RENDERER_DIR ?? resolve(__dirname, '..', 'dist', 'renderer'),
    // Only our own folder is emptied; a folder named by the variable might hold anything.
    emptyOutDir: !process.env.TANGGAP_RENDERER_DIR,
    rolldownOptions: {
      input: { index: resolve(__dirname, 'index.html'), early: resolve(__dirname, EARLY_SCREEN) },
      output: {
        // Pages are split by route (App.tsx); the libraries every page uses sit in their
        // own long-cached chunks, so a new release re-sends only the app's code. Only
        // these named libraries are grouped: anything else (recharts) stays with the
        // lazy page that imports it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            // zod in a chunk of its own: loaded by the pages with forms and the screens that
            // check what they read (shared/schemas), not by the register's first screen.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});
