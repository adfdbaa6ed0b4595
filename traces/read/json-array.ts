import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { badInput, WeftError } from '../../core/errors.js';

/** The text of one top-level array element and the 1-based line it starts on. */
export interface ArrayElementText {
  text: string;
  line: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Streams the elements of a file holding one top-level JSON array (`[ {...}, {...} ]`, gzip when
 * the name ends in `.gz`) as raw text, one element at a time, so a file larger than memory
 * works: only the current element is buffered. Elements are not parsed here; the caller parses
 * each and can skip a bad one while keeping its line. A file that is not an array, or ends
 * inside one, is an error naming the file and line.
 *
 * Invariant of the scanner: `depth` counts the brackets and braces open outside strings, with
 * the top-level array at depth 1; an element ends at a comma or `]` seen at depth 1.
 */
export async function* readJsonArrayElements(path: string): AsyncGenerator<ArrayElementText> {
  try {
    await access(path);
  } catch (cause) {
    throw badInput('file not found or not readable', { file: path, cause });
  }
  const raw = createReadStream(path);
  const input: Readable = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  input.setEncoding('utf8');
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let ended = false;
  let afterComma = false;
  let parts: string[] = [];
  let startLine = 0;
  const flush = (chunk: string, from: number, to: number): ArrayElementText | undefined => {
    parts.push(chunk.slice(from, to));
    const text = parts.join('').trim();
    parts = [];
    return text === '' ? undefined : { text, line: startLine };
  };
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      // Start of the current element's text inside this chunk, or -1 outside an element.
      let from = startLine > 0 ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]!;
        if (c === '\n') line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (ended) {
          if (!WHITESPACE.has(c)) throw badInput('text after the top-level JSON array', { file: path, line, value: c, expected: 'end of file' });
          continue;
        }
        if (depth === 0) {
          if (c === '[') depth = 1;
          else if (!WHITESPACE.has(c)) throw badInput('not a JSON array', { file: path, line, value: c, expected: 'a file starting with [' });
          continue;
        }
        if (depth === 1 && (c === ',' || c === ']')) {
          if (from >= 0) {
            const element = flush(chunk, from, i);
            startLine = 0;
            from = -1;
            if (element !== undefined) yield element;
          } else if (c === ',' || afterComma) {
            throw badInput('empty element in JSON array', { file: path, line, value: c, expected: 'a value' });
          }
          afterComma = c === ',';
          if (c === ']') {
            depth = 0;
            ended = true;
          }
          continue;
        }
        if (from < 0) {
          if (WHITESPACE.has(c)) continue;
          from = i;
          startLine = line;
        }
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
      }
      if (from >= 0) parts.push(chunk.slice(from));
    }
  } catch (cause) {
    if (cause instanceof WeftError) throw cause;
    throw badInput(`cannot read (${cause instanceof Error ? cause.message : 'unknown error'})`, { file: path, line, cause });
  } finally {
    raw.destroy();
  }
  if (!ended) throw badInput('the JSON array is not closed', { file: path, line, expected: 'a closing ] at the end of the file' });
}
