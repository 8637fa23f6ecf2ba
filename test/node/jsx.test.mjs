// The JSX typings (`care-elements/react`, `care-elements/preact`, written by hand in src/jsx/) as the
// built package gives them, read with TypeScript's own checker: for each tag, the props beyond the
// framework's HTML attributes must be the element's public API in custom-elements.json. Every
// settable property, every attribute whose name is not its property's, and `on` + each event it
// fires, typed by the event's CustomEvent<Detail>; nothing more. A property, attribute or event
// added to an element without its JSX entry fails here. Run after a build (it reads dist/).
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {elementsOf} from '../../tools/docs.mjs';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const elements = elementsOf(manifest);
const sorted = (list) => [...list].sort();

/** What a consumer's module sees, importing both typings by their package names. */
const PROBE = `
import type {} from 'care-elements/react';
import type {} from 'care-elements/preact';
import type {DetailedHTMLProps, HTMLAttributes, JSX as ReactJSX} from 'react';
import type {JSX as PreactJSX} from 'preact';
type Tag = ${elements.map((el) => `'${el.tagName}'`).join(' | ')};
export declare const react: {[T in Tag]: ReactJSX.IntrinsicElements[T]};
export declare const reactBase: DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement>;
export declare const preact: {[T in Tag]: PreactJSX.IntrinsicElements[T]};
export declare const preactBase: PreactJSX.HTMLAttributes<HTMLElement>;
`;

const probePath = fileURLToPath(new URL('test/types/probe.ts', root));
const options = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};
const host = ts.createCompilerHost(options);
const {getSourceFile, fileExists, readFile} = host;
host.getSourceFile = (name, version, ...rest) =>
  name === probePath ? ts.createSourceFile(name, PROBE, version) : getSourceFile.call(host, name, version, ...rest);
host.fileExists = (name) => name === probePath || fileExists.call(host, name);
host.readFile = (name) => (name === probePath ? PROBE : readFile.call(host, name));
const program = ts.createProgram([probePath], options, host);
const checker = program.getTypeChecker();
const probe = program.getSourceFile(probePath);
const exported = new Map(checker.getExportsOfModule(checker.getSymbolAtLocation(probe)).map((s) => [s.name, checker.getTypeOfSymbol(s)]));

/** A type's props, by name, with their types. */
function propsOf(type) {
  return new Map(checker.getPropertiesOfType(type).map((p) => [p.name, checker.getTypeOfSymbol(p)]));
}

/** The props of each tag that the framework's HTML attributes do not have. */
function ownProps(framework) {
  const base = propsOf(exported.get(`${framework}Base`));
  const tags = propsOf(exported.get(framework));
  return new Map([...tags].map(([tag, type]) => [tag, new Map([...propsOf(type)].filter(([name]) => !base.has(name)))]));
}

/** A type's union members as the manifest writes them, sorted, without the `undefined` of an optional prop. */
const union = (text) =>
  sorted(
    text
      .replaceAll('"', "'")
      .split(' | ')
      .filter((t) => t !== 'undefined'),
  );

test('the probe compiles: both typings resolve through the package exports', () => {
  const errors = ts.getPreEmitDiagnostics(program, probe).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  assert.deepEqual(errors, []);
});

for (const framework of ['react', 'preact']) {
  test(`${framework}: each tag's own props are its settable properties, renamed attributes and on + event`, () => {
    const own = ownProps(framework);
    assert.deepEqual(sorted(own.keys()), sorted(elements.map((el) => el.tagName)));
    for (const el of elements) {
      const fields = el.members.filter((m) => m.kind === 'field' && !m.readonly && !m.static);
      const expected = [
        ...fields.map((f) => f.name),
        ...el.attributes.filter((a) => a.name !== a.fieldName).map((a) => a.name),
        ...el.events.map((e) => `on${e.name}`),
      ];
      assert.deepEqual(sorted(own.get(el.tagName).keys()), sorted(expected), `${el.tagName} in care-elements/${framework}`);
    }
  });

  test(`${framework}: properties keep their class's types, handlers take the element's CustomEvent<Detail>`, () => {
    const own = ownProps(framework);
    for (const el of elements) {
      const props = own.get(el.tagName);
      for (const f of el.members.filter((m) => m.kind === 'field' && !m.readonly && !m.static)) {
        assert.deepEqual(union(checker.typeToString(props.get(f.name))), union(f.type.text), `${el.tagName} ${f.name}`);
      }
      for (const a of el.attributes.filter((a) => a.name !== a.fieldName)) {
        assert.ok(!(props.get(a.name).flags & ts.TypeFlags.Never), `${el.tagName} ${a.name} takes a value`);
      }
      for (const e of el.events) {
        const [signature] = checker.getNonNullableType(props.get(`on${e.name}`)).getCallSignatures();
        const event = checker.getTypeOfSymbol(signature.parameters[0]);
        const parts = (event.isIntersection() ? event.types : [event]).map((t) => checker.typeToString(t));
        assert.ok(parts.includes(e.type.text), `${el.tagName} on${e.name} takes ${e.type.text}, not ${parts.join(' & ')}`);
        // Event's `currentTarget: EventTarget | null` narrowed to the element: `EventTarget & CareCauseList`.
        const target = checker.getTypeOfPropertyOfType(event, 'currentTarget');
        const targets = (target.isIntersection() ? target.types : [target]).map((t) => checker.typeToString(t));
        assert.ok(targets.includes(el.name), `${el.tagName} on${e.name}: currentTarget is ${targets.join(' & ')}`);
      }
    }
  });
}
