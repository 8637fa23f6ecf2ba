// Sizes of the drop-in bundle: minified, gzip (level 9) and brotli (default quality 11) bytes.
import {readFileSync} from 'node:fs';
import {brotliCompressSync, gzipSync} from 'node:zlib';

export function bundleSizes(file = new URL('../../dist/care-elements.js', import.meta.url)) {
  const bytes = readFileSync(file);
  return {minified: bytes.length, gzip: gzipSync(bytes, {level: 9}).length, brotli: brotliCompressSync(bytes).length};
}
