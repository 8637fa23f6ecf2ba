/**
 * JSON-lines files: one object per line, appended and fsynced before the answer that promises the
 * reader it was kept. A file only grows, so a crash can at worst tear its last line, which the
 * next open repairs; the one rewrite (compaction) goes through a temporary file and a rename, so a
 * crash leaves either the old file or the new one, never half of each.
 *
 * The files hold names, emails and client addresses: they are created readable by their owner
 * only, in a folder only the owner can enter.
 */
import {appendFile, chmod, mkdir, open, readFile, rename, truncate} from 'node:fs/promises';
import {basename, dirname} from 'node:path';
import {isPlainObject} from './fields.mjs';

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

/** Creates the data folder (and its parents) owner-only when missing; an existing one is left as it is. */
export async function makeDataDir(dir) {
  await mkdir(dir, {recursive: true, mode: DIR_MODE});
}

export class JsonLinesFile {
  #path;
  #warn;
  /** @type {import('node:fs/promises').FileHandle | undefined} */
  #handle;

  /**
   * @param {string} path
   * @param {(message: string) => void} warn hears of torn and unreadable lines
   */
  constructor(path, warn) {
    this.#path = path;
    this.#warn = warn;
  }

  /** Reads the file (repairing a torn last line), then opens it for appending. Returns its objects. */
  async open() {
    const values = await this.#read();
    this.#handle = await open(this.#path, 'a', FILE_MODE);
    // A file written by an older receiver (or another umask) may be readable by others.
    await chmod(this.#path, FILE_MODE);
    return values;
  }

  /** Appends one line and waits until it is on the disk. */
  async append(value) {
    await this.#handle.appendFile(`${JSON.stringify(value)}\n`);
    await this.#handle.sync();
  }

  /**
   * Replaces the whole file with `values`: a temporary file is written and fsynced, renamed over
   * the old one, and the folder fsynced so the rename itself survives a crash. Appends go on to
   * the new file.
   */
  async rewrite(values) {
    const temp = `${this.#path}.${process.pid}.tmp`;
    const handle = await open(temp, 'w', FILE_MODE);
    try {
      await handle.writeFile(values.map((value) => `${JSON.stringify(value)}\n`).join(''));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.#path);
    await syncDir(dirname(this.#path));
    await this.#handle?.close();
    this.#handle = await open(this.#path, 'a', FILE_MODE);
  }

  async close() {
    await this.#handle?.close();
    this.#handle = undefined;
  }

  /**
   * The objects of the file. A process killed mid-write leaves a last line without its newline: it
   * is kept if it parses (and the newline added), else cut off with a warning, so the next append
   * starts on a line of its own.
   */
  async #read() {
    const name = basename(this.#path);
    let buffer;
    try {
      buffer = await readFile(this.#path);
    } catch (error) {
      if (error.code === 'ENOENT') return [];
      throw error;
    }
    const end = buffer.lastIndexOf(0x0a) + 1;
    const lines = buffer.subarray(0, end).toString('utf8').split('\n');
    if (end < buffer.length) {
      const tail = buffer.subarray(end).toString('utf8');
      if (parseLine(tail)) {
        lines.push(tail);
        await appendFile(this.#path, '\n');
      } else {
        this.#warn(`warning: ${name} ends with a torn line (${buffer.length - end} bytes), probably from a crash; it was dropped`);
        await truncate(this.#path, end);
      }
    }
    const values = [];
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const value = parseLine(line);
      if (value) values.push(value);
      else this.#warn(`warning: ${name} line ${index + 1} is not a JSON object; skipped`);
    });
    return values;
  }
}

/** Makes a rename in `dir` durable. Platforms that cannot open a folder (Windows) skip it. */
async function syncDir(dir) {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES'].includes(error.code)) throw error;
  } finally {
    await handle?.close();
  }
}

function parseLine(line) {
  try {
    const value = JSON.parse(line);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
