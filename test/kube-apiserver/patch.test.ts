import { describe, expect, it } from 'vitest';
import { jsonPatch, mergePatch } from './patch.js';

describe('merge patch (RFC 7386)', () => {
  it('merges objects, deletes on null, replaces arrays and scalars', () => {
    const target = { a: { b: 1, c: 2 }, list: [1, 2], keep: 'x' };
    expect(mergePatch(target, { a: { b: null, d: 3 }, list: [3] })).toEqual({ a: { c: 2, d: 3 }, list: [3], keep: 'x' });
    expect(target.a).toEqual({ b: 1, c: 2 });
  });
});

describe('JSON patch (RFC 6902)', () => {
  const doc = { a: [1, 2], b: { c: 'x' } };

  it('applies add, remove, replace, move, copy and test', () => {
    const out = jsonPatch(doc, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'add', path: '/a/0', value: 0 },
      { op: 'remove', path: '/a/1' },
      { op: 'replace', path: '/b/c', value: 'y' },
      { op: 'copy', from: '/b/c', path: '/d' },
      { op: 'move', from: '/d', path: '/e~1f' },
      { op: 'test', path: '/e~1f', value: 'y' },
    ]);
    expect(out).toEqual({ a: [0, 2, 3], b: { c: 'y' }, 'e/f': 'y' });
    expect(doc).toEqual({ a: [1, 2], b: { c: 'x' } });
  });

  it('fails a test or a missing path with 422, naming the path', () => {
    expect(() => jsonPatch(doc, [{ op: 'test', path: '/b/c', value: 'z' }])).toThrow('testing value /b/c failed');
    expect(() => jsonPatch(doc, [{ op: 'remove', path: '/nope' }])).toThrow('/nope');
    expect(() => jsonPatch(doc, [{ op: 'add', path: '/x/y', value: 1 }])).toThrow('"/x/y" does not exist');
    expect(() => jsonPatch(doc, { op: 'add' })).toThrow('array of operations');
  });
});
