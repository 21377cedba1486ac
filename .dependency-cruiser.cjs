// Layer rules for `npm run lint:deps`: what may import what, and no import cycles.
// test/integration/layers.test.ts proves each rule fires on a probe file.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-only-shared',
      comment: 'The renderer reaches the core only through renderer/api.ts: it imports shared/ and packages, never main/ nor Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite[.]config[.]ts$' },
      to: {
        pathNot: ['^renderer/', '^shared/', '^node_modules/'],
      },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in the page: no native or server packages.',
      severity: 'error',
      from: { path: '^renderer/', pathNot: '^renderer/vite[.]config[.]ts$' },
      to: { path: '^node_modules/(electron|better-sqlite3|@node-rs)/' },
    },
    {
      name: 'core-not-transports',
      comment: 'main/core runs under plain Node and is used by the transports (main/http, main/electron), never the other way round.',
      severity: 'error',
      from: { path: '^main/core/' },
      to: { path: ['^main/(http|electron)/', '^renderer/', '^node_modules/electron/', '^(electron|http|https|http2)$'] },
    },
    {
      name: 'shared-pure',
      comment: 'shared/ is pure TypeScript used by both sides: it imports neither of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ['^main/', '^renderer/'] },
    },
    {
      name: 'shared-no-platform',
      comment: 'shared/ runs in the page and under Node alike: no Node built-ins, native, server or UI packages.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^node_modules/(electron|better-sqlite3|@node-rs|react|react-dom)/' },
    },
    {
      name: 'shared-no-node-builtins',
      comment: 'shared/ runs in the page too, where Node built-ins are not there.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'db-bottom',
      comment: 'main/core/db is the bottom layer of the core: the rest of the core builds on it, not the other way round.',
      severity: 'error',
      from: { path: '^main/core/db/' },
      to: { path: '^main/core/', pathNot: '^main/core/db/' },
    },
    {
      name: 'no-circular',
      comment: 'An import cycle hides which module is the lower layer; move the shared piece down.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    // Type-only imports count too: a layer must not even know the types of the one above it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    exclude: { path: ['^dist/', '^out/'] },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
