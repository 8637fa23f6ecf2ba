// Docs generated from custom-elements.json: the README's per-element reference (between
// `<!-- api:… -->` markers), VS Code's HTML custom data and JetBrains' web-types.
// `node tools/docs.mjs` (run by `npm run build`) writes them; the functions are what the tests compare with.
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const cell = (text = '') =>
  String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
const code = (text) => (text ? `\`${cell(text)}\`` : '');
const table = (head, rows) =>
  rows.length ? [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''] : [];

/** The five elements' declarations, in the manifest's order, by tag. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}

/** Custom properties every element reads: the global tokens, documented once. */
export function globalTokens(manifest) {
  const [first, ...rest] = elementsOf(manifest);
  return first.cssProperties.filter((p) => rest.every((el) => el.cssProperties.some((q) => q.name === p.name)));
}

/** The markdown reference of one element. */
export function elementReference(el, tokens) {
  const fields = el.members.filter((m) => m.kind === 'field');
  const attributes = el.attributes.map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]);
  const properties = fields
    .filter((f) => !f.attribute)
    .map((f) => [code(f.name), code(f.type?.text), f.readonly ? 'read-only' : '', cell(f.description)]);
  const methods = el.members
    .filter((m) => m.kind === 'method')
    .map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]);
  const own = el.cssProperties.filter((p) => !tokens.some((t) => t.name === p.name));
  return [
    `<details><summary>Reference of <code>&lt;${el.tagName}&gt;</code> (generated from <code>custom-elements.json</code>)</summary>`,
    '',
    ...table(['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes),
    ...table(['Property only', 'Type', '', 'Description'], properties),
    ...table(['Method', 'Description'], methods),
    ...table(
      ['Event', 'Type', 'Description'],
      el.events.map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
    ),
    ...table(
      ['Slot', 'Description'],
      el.slots.map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    ...table(
      ['Part', 'Description'],
      el.cssParts.map((p) => [code(p.name), cell(p.description)]),
    ),
    ...table(
      ['Custom property', 'Default', 'Description'],
      own.map((p) => [code(p.name), code(p.default), cell(p.description)]),
    ),
    `It also reads the ${tokens.length} global tokens.`,
    '',
    '</details>',
  ].join('\n');
}

/** The README with every `<!-- api:NAME -->…<!-- /api:NAME -->` block regenerated. */
export function updateReadme(readme, manifest) {
  const tokens = globalTokens(manifest);
  const blocks = new Map([
    [
      'tokens',
      table(
        ['Global token', 'Default', 'Description'],
        tokens.map((p) => [code(p.name), code(p.default), cell(p.description)]),
      )
        .join('\n')
        .trimEnd(),
    ],
  ]);
  for (const el of elementsOf(manifest)) blocks.set(el.tagName, elementReference(el, tokens));
  for (const [name, body] of blocks) {
    const re = new RegExp(`(<!-- api:${name} -->\\n)[\\s\\S]*?(<!-- /api:${name} -->)`);
    if (!re.test(readme)) throw new Error(`README.md has no <!-- api:${name} --> … <!-- /api:${name} --> block`);
    readme = readme.replace(re, (all, open, close) => `${open}${body}\n${close}`);
  }
  return readme;
}

const attributeValues = (type) => {
  const literals = [...(type ?? '').matchAll(/'([^']*)'/g)].map((m) => ({name: m[1]}));
  return literals.length ? literals : undefined;
};

/** VS Code's HTML custom data (https://github.com/microsoft/vscode-custom-data). */
export function vscodeCustomData(manifest) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elementsOf(manifest).map((el) => ({
      name: el.tagName,
      description: [
        el.summary,
        el.description,
        el.events.length ? `Events: ${el.events.map((e) => `\`${e.name}\` (${e.type?.text})`).join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      attributes: el.attributes.map((a) => ({
        name: a.name,
        description: `${a.description}${a.type ? `\n\nType: \`${a.type.text}\`` : ''}${a.default ? `, default \`${a.default}\`` : ''}`,
        ...(a.type?.text === 'boolean' ? {valueSet: 'v'} : attributeValues(a.type?.text) ? {values: attributeValues(a.type.text)} : {}),
      })),
      references: [{name: 'README', url: `https://github.com/care-elements/care-elements#${el.tagName}`}],
    })),
  };
}

/** JetBrains' web-types (https://github.com/JetBrains/web-types). */
export function webTypes(manifest, pkg) {
  const typed = (t) => (t ? {type: t.text} : undefined);
  return {
    $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elementsOf(manifest).map((el) => ({
          name: el.tagName,
          description: el.description,
          'doc-url': `https://github.com/care-elements/care-elements#${el.tagName}`,
          source: {module: `${pkg.name}/${el.module ?? ''}`.replace(/\/$/, ''), symbol: el.name},
          attributes: el.attributes.map((a) => ({
            name: a.name,
            description: a.description,
            ...(a.default ? {default: a.default} : {}),
            value: a.type?.text === 'boolean' ? {kind: 'no-value', type: 'boolean'} : {kind: 'plain', type: a.type?.text ?? 'string'},
          })),
          slots: el.slots.map((s) => ({name: s.name, description: s.description})),
          events: el.events.map((e) => ({name: e.name, description: e.description, ...(typed(e.type) ? {value: typed(e.type)} : {})})),
          js: {
            properties: el.members
              .filter((m) => m.kind === 'field')
              .map((m) => ({name: m.name, description: m.description, ...(typed(m.type) ? {value: typed(m.type)} : {})})),
            events: el.events.map((e) => ({name: e.name, description: e.description, ...(typed(e.type) ? {value: typed(e.type)} : {})})),
          },
        })),
      },
      css: {
        properties: [
          ...new Map(
            elementsOf(manifest)
              .flatMap((el) => el.cssProperties)
              .map((p) => [p.name, {name: p.name, description: p.description}]),
          ).values(),
        ],
        parts: [
          ...new Map(
            elementsOf(manifest)
              .flatMap((el) => el.cssParts)
              .map((p) => [p.name, {name: p.name, description: p.description}]),
          ).values(),
        ],
      },
    },
  };
}

export const json = (value) => JSON.stringify(value, null, 2) + '\n';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const readmePath = new URL('README.md', root);
  const readme = readFileSync(readmePath, 'utf8');
  const updated = updateReadme(readme, manifest);
  if (updated !== readme) writeFileSync(readmePath, updated);
  writeFileSync(new URL('vscode.html-custom-data.json', root), json(vscodeCustomData(manifest)));
  writeFileSync(new URL('web-types.json', root), json(webTypes(manifest, pkg)));
  console.log(
    `tools/docs.mjs: ${updated === readme ? 'README.md up to date' : 'updated README.md'}; wrote vscode.html-custom-data.json and web-types.json`,
  );
}
