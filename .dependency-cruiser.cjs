/**
 * The shape of the code, checked in `npm test` (see package.json): a change that breaks it fails CI.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules form a tree: a cycle makes load order matter and hides which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-build-steps-or-pages',
      severity: 'error',
      comment: 'src/lib/ is pure logic the pages and build steps use, never the other way round.',
      from: { path: '^src/lib/' },
      to: { path: '^src/(integrations|pages)/' },
    },
    {
      name: 'yaml-only-in-content-module',
      severity: 'error',
      comment:
        'The content format lives in src/lib/content/: nothing else parses or writes content/ YAML. ' +
        '(Tests may read YAML to check what was written, independently of the code under test.)',
      from: { path: '^(src|scripts|bench)/', pathNot: '^src/lib/content/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], path: '(^|/)node_modules/(yaml|js-yaml)/' },
    },
    {
      name: 'date-fns-by-function',
      severity: 'error',
      comment:
        "Import each date-fns function from its own module ('date-fns/format'), never the package's index: " +
        'the build leaves node_modules unbundled, and loading the index (300 modules) through Vite\'s module ' +
        'runner cost 2.5 s of every 10k-paper rebuild (bench/README.md, seventh round).',
      from: { path: '^src/' },
      to: { path: '(^|/)node_modules/date-fns/index\\.' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // bench/tmp/ holds the benchmark's builds (git-ignored): their bundles are output, not source.
    exclude: { path: '^(dist|\\.astro|bench/tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
