// What is generated from custom-elements.json (tools/docs.mjs, run by `npm run build`): the README's
// reference tables must be those of the manifest now, and the editor data must cover every element.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {elementsOf, json, updateReadme, vscodeCustomData, webTypes} from '../../tools/docs.mjs';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');
const manifest = JSON.parse(read('custom-elements.json'));
const pkg = JSON.parse(read('package.json'));

test("the README's reference tables are the manifest's (run `npm run build` or `node tools/docs.mjs` after an API change)", () => {
  const readme = read('README.md');
  assert.equal(readme, updateReadme(readme, manifest), 'README.md is stale');
  for (const el of elementsOf(manifest)) {
    const block = readme.slice(readme.indexOf(`<!-- api:${el.tagName} -->`), readme.indexOf(`<!-- /api:${el.tagName} -->`));
    for (const a of el.attributes) assert.ok(block.includes(`| \`${a.name}\` |`), `${el.tagName}: attribute ${a.name} in the README`);
    for (const e of el.events) assert.ok(block.includes(`| \`${e.name}\` | \`${e.type.text}\` |`), `${el.tagName}: event ${e.name} in the README`);
  }
});

test('VS Code custom data and web-types are generated from the manifest and referenced from package.json', () => {
  const vscode = read('vscode.html-custom-data.json');
  const jetbrains = read('web-types.json');
  assert.equal(vscode, json(vscodeCustomData(manifest)));
  assert.equal(jetbrains, json(webTypes(manifest, pkg)));
  assert.equal(pkg['web-types'], './web-types.json');
  assert.equal(pkg.exports['./vscode.html-custom-data.json'], './vscode.html-custom-data.json');
  assert.equal(pkg.exports['./web-types.json'], './web-types.json');

  const tags = JSON.parse(vscode).tags;
  const elements = JSON.parse(jetbrains).contributions.html.elements;
  for (const el of elementsOf(manifest)) {
    const tag = tags.find((t) => t.name === el.tagName);
    assert.deepEqual(
      tag.attributes.map((a) => a.name),
      el.attributes.map((a) => a.name),
      `${el.tagName} (VS Code)`,
    );
    const web = elements.find((t) => t.name === el.tagName);
    assert.deepEqual(
      web.attributes.map((a) => a.name),
      el.attributes.map((a) => a.name),
      `${el.tagName} (web-types)`,
    );
    assert.deepEqual(
      web.events.map((e) => [e.name, e.value.type]),
      el.events.map((e) => [e.name, e.type.text]),
      `${el.tagName} events (web-types)`,
    );
  }
  // Booleans are presence attributes; enumerations offer their values.
  const signup = tags.find((t) => t.name === 'care-guide-signup');
  assert.equal(signup.attributes.find((a) => a.name === 'offer').valueSet, 'v');
  assert.deepEqual(signup.attributes.find((a) => a.name === 'protocol').values, [{name: 'json'}, {name: 'form'}]);
});
