import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { formatError } from '../../core/format-error.js';
import { readJsonArrayElements } from './json-array.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-json-array-'));

async function elements(path: string): Promise<{ value: unknown; line: number }[]> {
  const out: { value: unknown; line: number }[] = [];
  for await (const e of readJsonArrayElements(path)) out.push({ value: JSON.parse(e.text) as unknown, line: e.line });
  return out;
}

describe('readJsonArrayElements', () => {
  it('splits elements across read chunks, ignoring brackets, commas and escaped quotes inside strings', async () => {
    // ~600 KB: many 64 KiB read chunks, so elements and strings straddle chunk ends.
    const values = Array.from({ length: 3000 }, (_, i) => ({
      id: i,
      tricky: `a "quoted" ]}, [{ \\ value ${'x'.repeat(i % 97)}`,
      nested: [{ deep: [i, [i + 1]] }],
    }));
    const text = `[\n${values.map((v) => JSON.stringify(v)).join(',\n')}\n]\n`;
    for (const path of [join(dir, 'big.json'), join(dir, 'big.json.gz')]) {
      writeFileSync(path, path.endsWith('.gz') ? gzipSync(text) : text);
      const read = await elements(path);
      expect(read.map((e) => e.value)).toEqual(values);
      expect(read.map((e) => e.line)).toEqual(values.map((_, i) => i + 2));
    }
  });

  it('reads an empty array and scalar elements; rejects empty elements and trailing text', async () => {
    const write = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(await elements(write('empty.json', ' [ ] \n'))).toEqual([]);
    expect((await elements(write('scalars.json', '[1, "two", null]'))).map((e) => e.value)).toEqual([1, 'two', null]);
    const errorOf = async (path: string): Promise<string> => elements(path).then(() => 'no error', formatError);
    expect(await errorOf(write('double-comma.json', '[1,,2]'))).toBe(`error: ${join(dir, 'double-comma.json')}:1: empty element in JSON array: got "," (expected a value)`);
    expect(await errorOf(write('trailing-comma.json', '[1,\n]'))).toBe(`error: ${join(dir, 'trailing-comma.json')}:2: empty element in JSON array: got "]" (expected a value)`);
    expect(await errorOf(write('after.json', '[1]\n[2]'))).toBe(`error: ${join(dir, 'after.json')}:2: text after the top-level JSON array: got "[" (expected end of file)`);
    expect(await errorOf(join(dir, 'missing.json'))).toContain('missing.json: file not found or not readable');
  });
});
