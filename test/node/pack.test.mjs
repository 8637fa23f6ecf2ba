// What `npm pack` puts in the package: the bundle, the modules with their types, the JSX typings,
// the manifest and editor data, README and LICENSE, and source maps only with their sources inside.
// Run after a build.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

const root = new URL('../../', import.meta.url);
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}),
);
const files = packed.files.map((f) => f.path).sort();
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));

/** Every packed file matches one of these, and nothing else is packed. */
const ALLOWED = [
  /^(package\.json|README\.md|LICENSE|custom-elements\.json|vscode\.html-custom-data\.json|web-types\.json)$/,
  /^dist\/care-elements\.js$/,
  /^dist\/(?!demo\.js$)[\w/.-]+\.(js|d\.ts|js\.map)$/,
];

test('the package holds the bundle, the modules with .d.ts, the JSX typings, the manifest, editor data, README and LICENSE', () => {
  for (const file of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'vscode.html-custom-data.json',
    'web-types.json',
    'dist/care-elements.js',
    'dist/care-elements-hydrate.js',
    'dist/ssr.js',
    'dist/ssr.d.ts',
    'dist/hydrate.js',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/define.js',
    'dist/define.d.ts',
    'dist/events.d.ts',
    'dist/jsx/react.d.ts',
    'dist/jsx/preact.d.ts',
    'dist/jsx/elements.d.ts',
  ]) {
    assert.ok(files.includes(file), `${file} is packed`);
  }
  for (const tag of ['symptom-list', 'cause-list', 'treatment-checklist', 'guide-signup', 'comment-form']) {
    for (const ext of ['js', 'd.ts']) {
      assert.ok(files.includes(`dist/elements/${tag}/${tag}.${ext}`), `${tag}.${ext}`);
      assert.ok(files.includes(`dist/elements/${tag}/define.${ext}`), `${tag} define.${ext}`);
    }
  }
  // Every compiled module comes with its declarations.
  for (const js of files.filter((f) => /^dist\/.*\.js$/.test(f) && !/^dist\/care-elements(-hydrate)?\.js$/.test(f)))
    assert.ok(files.includes(js.replace(/\.js$/, '.d.ts')), `${js} has its .d.ts`);
});

test('nothing else is packed: no demo script, no WordPress zip, no declaration maps to sources left behind', () => {
  assert.deepEqual(
    files.filter((f) => !ALLOWED.some((re) => re.test(f))),
    [],
  );
  assert.ok(!files.includes('dist/demo.js') && !files.some((f) => f.endsWith('.zip')));
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.startsWith('demo/') || f.startsWith('wordpress/')));
});

test('every source map carries the sources it points at', () => {
  for (const map of files.filter((f) => f.endsWith('.map'))) {
    const {sources, sourcesContent} = JSON.parse(readFileSync(new URL(map, root), 'utf8'));
    assert.equal(sourcesContent?.length, sources.length, `${map}: sourcesContent for each of ${sources.join(', ')}`);
    assert.ok(
      sourcesContent.every((s) => typeof s === 'string' && s.length > 0),
      `${map}: sources are inlined`,
    );
  }
  for (const js of files.filter((f) => f.endsWith('.js') || f.endsWith('.d.ts'))) {
    const url = readFileSync(new URL(js, root), 'utf8').match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
    if (url) assert.ok(files.includes(new URL(url, new URL(js, 'file:///p/')).pathname.slice(3)), `${js} points at a packed map`);
  }
});

test('the JSX typings are subpaths whose types come first: care-elements/react and care-elements/preact', () => {
  for (const framework of ['react', 'preact']) {
    const entry = pkg.exports[`./${framework}`];
    assert.deepEqual(Object.keys(entry), ['types', 'default'], `./${framework}: types first`);
    assert.equal(entry.types, `./dist/jsx/${framework}.d.ts`);
    // Types only: the module a plain `import 'care-elements/react'` loads is empty.
    assert.match(readFileSync(new URL(entry.default, root), 'utf8'), /^export \{\};\n/);
  }
});

test('package.json points only at packed files, and names where the project lives', () => {
  const targets = [
    pkg.main,
    pkg.module,
    pkg.types,
    pkg.customElements,
    pkg['web-types'],
    ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
  ];
  for (const target of targets.filter((t) => !t.includes('*'))) assert.ok(files.includes(target.replace(/^\.\//, '')), `${target} is packed`);
  for (const mod of manifest.modules) assert.ok(files.includes(mod.path), `the manifest's ${mod.path} is packed`);
  assert.match(pkg.repository.url, /^git\+https:\/\/github\.com\/[\w-]+\/[\w-]+\.git$/);
  assert.match(pkg.homepage, /^https:\/\//);
  assert.match(pkg.bugs.url, /^https:\/\/.*\/issues$/);
  assert.ok(pkg.keywords.includes('web-components'));
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(new URL('LICENSE', root), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} care-elements contributors\n/);
});

test("the README's images and links work on the registry's page (absolute, or a packed file)", () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const links = [...readme.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  for (const link of links)
    assert.ok(/^https:\/\//.test(link) || link.startsWith('#') || files.includes(link), `${link} resolves outside the repository`);
});

test('the package stays small', () => {
  assert.ok(packed.size < 400_000, `packed ${packed.size} B`);
});
