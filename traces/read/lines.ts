import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { badInput } from '../../core/errors.js';

/** A line of a text file with its 1-based line number. */
export interface NumberedLine {
  text: string;
  line: number;
}

/**
 * Streams the lines of a text file (gzip-compressed when the name ends in `.gz`) without
 * loading it whole, so files larger than memory work. CRLF line ends are accepted.
 */
export async function* readLines(path: string): AsyncGenerator<NumberedLine> {
  try {
    await access(path);
  } catch (cause) {
    throw badInput('file not found or not readable', { file: path, cause });
  }
  const raw = createReadStream(path);
  const input: Readable = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const reader = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const text of reader) {
      line++;
      yield { text, line };
    }
  } catch (cause) {
    throw badInput(`cannot read (${cause instanceof Error ? cause.message : 'unknown error'})`, { file: path, line: line + 1, cause });
  } finally {
    reader.close();
    raw.destroy();
  }
}
