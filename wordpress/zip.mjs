#!/usr/bin/env node
/**
 * `npm run wordpress:zip`: writes dist/care-elements-wordpress.zip, the plugin as WordPress's
 * "Upload Plugin" takes it: the folder `care-elements/` at the root of the archive, with every
 * file of wordpress/care-elements/ (the generated bundle and article included; run
 * `npm run build` first), dot-files left out.
 *
 * Written with Node alone (no `zip` binary on a fresh machine): each file deflated with
 * zlib.deflateRawSync (or stored, when that is not smaller), a CRC-32 from a table (Node 20 has no
 * zlib.crc32), local headers, the central directory and its end record, as APPNOTE.TXT
 * (https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT) describes them. Entries are sorted
 * and dated by their files' modification times.
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, sep} from 'node:path';
import {fileURLToPath} from 'node:url';
import {deflateRawSync} from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PLUGIN = join(ROOT, 'wordpress', 'care-elements');
const OUT = join(ROOT, 'dist', 'care-elements-wordpress.zip');
/** What the plugin cannot run without that only the build writes. */
const GENERATED = ['assets/care-elements.js', 'content/article.json'];

/** The CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) lookup table. */
const CRC_TABLE = Array.from({length: 256}, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 of `bytes`. */
function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A date as MS-DOS time and date words (local time, 2-second steps, from 1980). */
function dosDateTime(date) {
  const year = Math.max(date.getFullYear(), 1980);
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** The files and folders under `dir`, as paths relative to the plugin, sorted; dot-files left out. */
function walk(dir) {
  const entries = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const isDir = statSync(path).isDirectory();
    entries.push({path, isDir});
    if (isDir) entries.push(...walk(path));
  }
  return entries;
}

/** One archive entry: its name in the archive and its bytes (none for a folder). */
function entry(name, path, isDir) {
  const stat = statSync(path);
  const data = isDir ? Buffer.alloc(0) : readFileSync(path);
  const deflated = isDir ? data : deflateRawSync(data, {level: 9});
  const stored = deflated.length >= data.length;
  return {
    name: Buffer.from(name, 'utf8'),
    data: stored ? data : deflated,
    method: stored ? 0 : 8,
    crc: crc32(data),
    size: data.length,
    // Unix mode in the upper half of the external attributes; 0x10 is MS-DOS's folder bit.
    external: isDir ? ((0o40755 << 16) | 0x10) >>> 0 : (0o100644 << 16) >>> 0,
    ...dosDateTime(stat.mtime),
  };
}

/** The archive's bytes for `entries`. */
/**
 * The fields a local header and a central directory header both carry, in the same order, from
 * `at`: flags (names are UTF-8), method, time, date, CRC-32, compressed and real size, name length.
 */
function writeShared(header, at, e) {
  header.writeUInt16LE(0x0800, at);
  header.writeUInt16LE(e.method, at + 2);
  header.writeUInt16LE(e.time, at + 4);
  header.writeUInt16LE(e.date, at + 6);
  header.writeUInt32LE(e.crc, at + 8);
  header.writeUInt32LE(e.data.length, at + 12);
  header.writeUInt32LE(e.size, at + 16);
  header.writeUInt16LE(e.name.length, at + 20);
}

function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed to extract: 2.0 (deflate, folders)
    writeShared(local, 6, e);
    local.writeUInt16LE(0, 28); // extra field length
    locals.push(local, e.name, e.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); // central directory header signature
    central.writeUInt16LE((3 << 8) | 20, 4); // version made by: Unix, 2.0
    central.writeUInt16LE(20, 6);
    writeShared(central, 8, e);
    // 30, 32, 34, 36: extra field and comment lengths, disk number, internal attributes: all 0.
    central.writeUInt32LE(e.external, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, e.name);

    offset += local.length + e.name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(entries.length, 8); // entries on this disk
  end.writeUInt16LE(entries.length, 10); // entries in all
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const missing = GENERATED.filter((file) => !existsSync(join(PLUGIN, file)));
if (missing.length) {
  console.error(`wordpress/zip.mjs: ${missing.map((file) => `wordpress/care-elements/${file}`).join(' and ')} missing; run npm run build first.`);
  process.exit(1);
}

const entries = [entry('care-elements/', PLUGIN, true)];
for (const {path, isDir} of walk(PLUGIN)) {
  const name = `care-elements/${relative(PLUGIN, path).split(sep).join('/')}${isDir ? '/' : ''}`;
  entries.push(entry(name, path, isDir));
}
if (entries.length > 0xffff) throw new Error('wordpress/zip.mjs: too many files for a zip without ZIP64');
const bytes = zip(entries);
mkdirSync(dirname(OUT), {recursive: true});
writeFileSync(OUT, bytes);
console.log(`wordpress/zip.mjs: wrote ${relative(ROOT, OUT)} (${entries.length} entries, ${bytes.length} bytes)`);
