#!/usr/bin/env node
/**
 * The WordPress plugin's generated files, written after the library's build (`npm run build`):
 *
 * - wordpress/care-elements/assets/care-elements.js: a copy of dist/care-elements.js, the bundle
 *   the plugin loads;
 * - wordpress/care-elements/content/article.json: the article's lists (`ARTICLE` of
 *   dist/content/article.js), the light-DOM content the plugin prints, so the plugin shows the
 *   same words as the elements' defaults.
 *
 * Both are git-ignored: they come from src/ and would otherwise drift from it.
 */
import {copyFileSync, existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN = join(ROOT, 'wordpress', 'care-elements');
const BUNDLE = join(ROOT, 'dist', 'care-elements.js');
const CONTENT = join(ROOT, 'dist', 'content', 'article.js');

for (const input of [BUNDLE, CONTENT]) {
  if (!existsSync(input)) {
    console.error(`wordpress/build.mjs: ${relative(ROOT, input)} is missing; run the library's build first (npm run build).`);
    process.exit(1);
  }
}

const assets = join(PLUGIN, 'assets', 'care-elements.js');
mkdirSync(dirname(assets), {recursive: true});
copyFileSync(BUNDLE, assets);

const {ARTICLE} = await import(pathToFileURL(CONTENT).href);
const article = join(PLUGIN, 'content', 'article.json');
mkdirSync(dirname(article), {recursive: true});
writeFileSync(article, `${JSON.stringify(ARTICLE, null, 2)}\n`);

console.log(`wordpress/build.mjs: wrote ${relative(ROOT, assets)} and ${relative(ROOT, article)}`);
