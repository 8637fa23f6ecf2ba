// Plugins of @custom-elements-manifest/analyzer (see custom-elements-manifest.config.mjs) that make
// custom-elements.json complete for editors and docs: every custom property an element reads,
// definitions only for real tags, public API only, and paths to the modules the package ships.
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

/** The five tags and the module that registers each. */
export const TAGS = ['care-symptom-list', 'care-cause-list', 'care-treatment-checklist', 'care-guide-signup', 'care-comment-form'];

/** Lit's lifecycle overrides and statics: LitElement's API, not the element's. */
const LIT_INTERNALS = new Set([
  'render',
  'update',
  'willUpdate',
  'updated',
  'firstUpdated',
  'shouldUpdate',
  'scheduleUpdate',
  'createRenderRoot',
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'styles',
  'shadowRootOptions',
]);

const walk = (dir) =>
  readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** `@cssprop --name - description` lines anywhere in src (class JSDoc, the tokens, the shared styles). */
export function cssPropertyDescriptions(srcDir = 'src') {
  const found = new Map();
  for (const file of walk(srcDir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = line.match(/^\s*\* @cssprop (--[\w-]+) - (.*)$/);
      if (!m || found.has(m[1])) return;
      let text = m[2];
      for (let j = i + 1; j < lines.length && /^\s*\* {3}\S/.test(lines[j]); j++) text += ' ' + lines[j].replace(/^\s*\*\s+/, '');
      found.set(m[1], text.trim());
    });
  }
  return found;
}

/** The arguments of `var(--care-…, fallback)` in CSS text, with balanced parentheses. */
function readVars(cssText) {
  const out = new Map();
  const re = /var\(\s*(--[\w-]+)\s*(,)?/g;
  for (let m; (m = re.exec(cssText));) {
    let fallback;
    if (m[2]) {
      let depth = 0;
      let end = re.lastIndex;
      for (; end < cssText.length; end++) {
        if (cssText[end] === '(') depth++;
        else if (cssText[end] === ')' && depth-- === 0) break;
      }
      fallback = cssText.slice(re.lastIndex, end).trim();
    }
    if (!out.has(m[1])) out.set(m[1], fallback);
  }
  return out;
}

/**
 * The `--care-*` properties each element class reads, in the order its styles read them, with their
 * default. Private `--_*` copies in a default are shown as the public token they read.
 */
export function cssPropertiesRead(elementClass) {
  const cssText = [elementClass.styles]
    .flat(Infinity)
    .map((s) => s.cssText)
    .join('\n');
  const vars = readVars(cssText);
  const privateToPublic = new Map();
  for (const m of cssText.matchAll(/(--_[\w-]+)\s*:\s*var\(\s*(--care-[\w-]+)/g)) privateToPublic.set(m[1], m[2]);
  const shown = (value) =>
    value?.replace(/var\((--_[\w-]+)\)/g, (all, name) => (privateToPublic.has(name) ? `var(${privateToPublic.get(name)})` : all));
  return [...vars].filter(([name]) => name.startsWith('--care-')).map(([name, fallback]) => ({name, default: shown(fallback)}));
}

const isPublic = (m) => !m.privacy || m.privacy === 'public';

/**
 * @param {{classes: Record<string, Function>, srcDir?: string}} options `classes`: the built element
 *   classes by name (their styles are read for the custom properties).
 */
export function carePlugins({classes, srcDir = 'src'}) {
  return [
    {
      name: 'care-public-api',
      packageLinkPhase({customElementsManifest}) {
        const descriptions = cssPropertyDescriptions(srcDir);
        const declarations = new Map();
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.kind !== 'class') continue;
            declarations.set(decl.name, {decl, module: mod.path});
            // Public API only, of every class; of the elements and their base classes, without Lit's lifecycle.
            const element = mod.path.startsWith(`${srcDir}/elements/`);
            decl.members = (decl.members ?? []).filter((m) => isPublic(m) && !/^[_#]/.test(m.name) && !(element && LIT_INTERNALS.has(m.name)));
            if (!decl.tagName) {
              delete decl.customElement;
              continue;
            }
            const declared = new Map((decl.cssProperties ?? []).map((p) => [p.name, p]));
            const read = cssPropertiesRead(classes[decl.name]);
            decl.cssProperties = read.map(({name, default: value}) => ({
              name,
              description: declared.get(name)?.description ?? descriptions.get(name),
              ...(value === undefined ? {} : {default: value}),
            }));
            // A property documented but never read is a documentation error: keep it, so the test sees it.
            for (const [name, p] of declared) if (!read.some((r) => r.name === name)) decl.cssProperties.push({...p, unread: true});
          }
          // `customElements.define(tag, ctor)` inside defineElement() is no tag of its own.
          mod.exports = (mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition' || TAGS.includes(e.name));
        }
        // Each define module registers its tag with defineElement('care-…', Class): say so.
        const definitions = [];
        for (const mod of customElementsManifest.modules) {
          if (!/(^|\/)define\.ts$/.test(mod.path) || mod.path.endsWith('define-element.ts')) continue;
          const source = readFileSync(mod.path, 'utf8');
          for (const [, tag, className] of source.matchAll(/defineElement\('([\w-]+)', (\w+)\)/g)) {
            const target = declarations.get(className);
            const definition = {kind: 'custom-element-definition', name: tag, declaration: {name: className, module: target.module}};
            (mod.exports ??= []).push(definition);
            definitions.push(definition);
          }
        }
        // src/define.ts registers all five through the per-element define modules.
        const all = customElementsManifest.modules.find((m) => m.path === `${srcDir}/define.ts`);
        if (all) all.exports = [...(all.exports ?? []), ...definitions.map((d) => structuredClone(d))];
      },
    },
    {
      // The package ships the compiled modules (dist/*.js), not src/*.ts: point every path there.
      name: 'care-dist-paths',
      packageLinkPhase({customElementsManifest}) {
        const rewrite = (value) => value.replace(new RegExp(`^/?${srcDir}/(.*)\\.ts$`), 'dist/$1.js');
        const visit = (node) => {
          if (Array.isArray(node)) return node.forEach(visit);
          if (!node || typeof node !== 'object') return;
          for (const [key, value] of Object.entries(node)) {
            if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = rewrite(value);
            else visit(value);
          }
        };
        visit(customElementsManifest.modules);
      },
    },
  ];
}
