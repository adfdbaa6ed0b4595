import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './csv.js';
import { FieldError } from './read-summary.js';

describe('splitCsvLine', () => {
  it('splits plain and quoted fields, with empty fields kept', () => {
    expect(splitCsvLine('a,b,,d')).toEqual(['a', 'b', '', 'd']);
    expect(splitCsvLine('a,')).toEqual(['a', '']);
    expect(splitCsvLine('"x, y","say ""hi""",3')).toEqual(['x, y', 'say "hi"', '3']);
    expect(splitCsvLine('')).toEqual(['']);
  });

  it('rejects an unterminated quote', () => {
    expect(() => splitCsvLine('"open,1')).toThrow(FieldError);
    expect(() => splitCsvLine('"a"b,1')).toThrow(/comma after a quoted field/);
  });
});
