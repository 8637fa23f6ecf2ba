#!/usr/bin/env node
/**
 * Rebuilds the plugin's translation files from its sources, with GNU gettext (xgettext, msgcat,
 * msgmerge, msgfmt) and Node only:
 *
 *   node wordpress/update-translations.mjs
 *
 * 1. `care-elements.pot`: every string of the `care-elements` text domain in the PHP files and in
 *    blocks/editor.js, with translator comments, plus the titles, descriptions and keywords of the
 *    blocks' block.json files (WordPress translates those with the contexts "block title",
 *    "block description" and "block keyword").
 * 2. Each `care-elements-<locale>.po` in wordpress/care-elements/languages/ is merged with it (new strings come in untranslated,
 *    changed ones fuzzy: translate them, then run this again).
 * 3. Each is compiled to `care-elements-<locale>.mo` (PHP), and its strings of blocks/editor.js to
 *    `care-elements-<locale>-<md5 of "blocks/editor.js">.json`, the file wp_set_script_translations()
 *    looks for.
 *
 * Only calls that name the text domain are taken: the keywords below give each function its total
 * number of arguments (`t`), so that `__( 'Leave a Reply' )`, WordPress's own string, stays out.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';

const DOMAIN = 'care-elements';
const PLUGIN = fileURLToPath(new URL('care-elements/', import.meta.url));
/** The translation files, in the plugin's languages/ folder. */
const HERE = join(PLUGIN, 'languages');
const EDITOR_SCRIPT = 'blocks/editor.js';

/** WordPress's translation functions, each with its domain as the last argument. */
const KEYWORDS = [
  '__:1,2t',
  '_e:1,2t',
  'esc_html__:1,2t',
  'esc_html_e:1,2t',
  'esc_attr__:1,2t',
  'esc_attr_e:1,2t',
  '_x:1,2c,3t',
  '_ex:1,2c,3t',
  'esc_html_x:1,2c,3t',
  'esc_attr_x:1,2c,3t',
  '_n:1,2,4t',
  '_nx:1,2,4c,5t',
  '_n_noop:1,2,3t',
  '_nx_noop:1,2,3c,4t',
].flatMap((keyword) => ['--keyword=' + keyword]);

/** The block.json fields WordPress translates, and their contexts. */
const BLOCK_FIELDS = {title: 'block title', description: 'block description', keywords: 'block keyword'};

const run = (command, args) => execFileSync(command, args, {cwd: PLUGIN, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']});

/** Plugin-relative paths of the files under `dir` whose names end with `ending`, sorted. */
function filesUnder(dir, ending) {
  return readdirSync(join(PLUGIN, dir), {recursive: true})
    .map((name) => join(dir, name))
    .filter((path) => path.endsWith(ending) && !path.startsWith('languages'))
    .sort();
}

/** A PO string literal. */
function quote(text) {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** The block.json strings as PO entries, one per context and text with every file that has it. */
function blockEntries() {
  /** @type {Map<string, {context: string, text: string, files: string[]}>} */
  const entries = new Map();
  for (const file of filesUnder('blocks', 'block.json')) {
    const block = JSON.parse(readFileSync(join(PLUGIN, file), 'utf8'));
    if (block.textdomain !== DOMAIN) continue;
    for (const [field, context] of Object.entries(BLOCK_FIELDS)) {
      for (const text of [block[field] ?? []].flat()) {
        const key = `${context}\u0004${text}`;
        if (!entries.has(key)) entries.set(key, {context, text, files: []});
        entries.get(key).files.push(file);
      }
    }
  }
  const po = [...entries.values()].map(
    ({context, text, files}) => `#: ${files.join(' ')}\nmsgctxt ${quote(context)}\nmsgid ${quote(text)}\nmsgstr ""\n`,
  );
  return `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n${po.join('\n')}`;
}

/** The strings of a compiled catalogue (.mo): `[context, msgid, msgstrs]` per entry, header left out. */
function readMo(buffer) {
  const little = buffer.readUInt32LE(0) === 0x950412de;
  const u32 = (offset) => (little ? buffer.readUInt32LE(offset) : buffer.readUInt32BE(offset));
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const text = (table, i) => buffer.toString('utf8', u32(table + i * 8 + 4), u32(table + i * 8 + 4) + u32(table + i * 8));
  const entries = [];
  for (let i = 0; i < count; i++) {
    const original = text(originals, i);
    if (original === '') continue;
    const [context, id] = original.includes('\u0004') ? original.split('\u0004') : ['', original];
    entries.push([context, id.split('\0')[0], text(translations, i).split('\0')]);
  }
  return entries;
}

/** The Jed 1.x JSON that WordPress hands to wp.i18n for one script. */
function scriptTranslations(po, locale) {
  const plural = /"Plural-Forms: ([^\\]*)\\n"/.exec(readFileSync(po, 'utf8'))?.[1] ?? 'nplurals=2; plural=(n != 1);';
  const work = mkdtempSync(join(tmpdir(), 'care-i18n-'));
  try {
    const subset = join(work, 'script.po');
    const mo = join(work, 'script.mo');
    writeFileSync(subset, run('msggrep', ['--location=' + EDITOR_SCRIPT, po]));
    run('msgfmt', ['--output-file=' + mo, subset]);
    const messages = {'': {domain: 'messages', lang: locale, 'plural-forms': plural}};
    for (const [context, id, strings] of readMo(readFileSync(mo))) {
      messages[context ? `${context}\u0004${id}` : id] = strings;
    }
    return {domain: 'messages', locale_data: {messages}, source: EDITOR_SCRIPT};
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
}

const work = mkdtempSync(join(tmpdir(), 'care-i18n-'));
try {
  const common = ['--from-code=UTF-8', '--add-comments=translators:', '--sort-by-file', '--no-wrap', ...KEYWORDS];
  const php = join(work, 'php.pot');
  const js = join(work, 'js.pot');
  const blocks = join(work, 'blocks.pot');
  run('xgettext', ['--language=PHP', ...common, '--output=' + php, ...filesUnder('.', '.php')]);
  run('xgettext', ['--language=JavaScript', ...common, '--output=' + js, EDITOR_SCRIPT]);
  writeFileSync(blocks, blockEntries());
  const pot = join(HERE, `${DOMAIN}.pot`);
  const header = [
    '# Translations of the Care Elements WordPress plugin.',
    '# This file is distributed under the same license as the plugin (MIT).',
    'msgid ""',
    'msgstr ""',
    '"Project-Id-Version: Care Elements\\n"',
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    '"X-Domain: care-elements\\n"',
    '',
  ].join('\n');
  const headerFile = join(work, 'header.pot');
  writeFileSync(headerFile, `${header}\n`);
  // --use-first takes the header above; the extracted files' own headers are dropped.
  const merged = run('msgcat', ['--use-first', '--sort-by-file', '--no-wrap', headerFile, php, js, blocks]);
  writeFileSync(pot, merged);
  const total = (merged.match(/^msgid /gm)?.length ?? 1) - 1;
  console.log(`${relative(process.cwd(), pot)}: ${total} strings`);

  for (const name of readdirSync(HERE)
    .filter((file) => /^care-elements-[A-Za-z_]+\.po$/.test(file))
    .sort()) {
    const po = join(HERE, name);
    const locale = name.slice(DOMAIN.length + 1, -3);
    run('msgmerge', ['--quiet', '--update', '--backup=none', '--no-wrap', '--sort-by-file', po, pot]);
    // msgfmt tells its statistics on stderr.
    const compiled = spawnSync('msgfmt', ['--check', '--statistics', '--output-file=' + po.replace(/\.po$/, '.mo'), po], {encoding: 'utf8'});
    if (compiled.status !== 0) throw new Error(`msgfmt failed on ${name}:\n${compiled.stderr}`);
    const stats = compiled.stderr;
    const json = `${DOMAIN}-${locale}-${createHash('md5').update(EDITOR_SCRIPT).digest('hex')}.json`;
    writeFileSync(join(HERE, json), `${JSON.stringify(scriptTranslations(po, locale))}\n`);
    console.log(`${name}: ${stats.trim().replace(/\.$/, '') || 'compiled'}; ${json}`);
  }
} finally {
  rmSync(work, {recursive: true, force: true});
}
