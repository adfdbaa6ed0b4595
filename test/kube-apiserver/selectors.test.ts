import { describe, expect, it } from 'vitest';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { KubeObject } from './types.js';

const obj = (labels: Record<string, string>, extra: Partial<KubeObject> = {}): KubeObject => ({
  metadata: { name: 'n', namespace: 'ns', labels },
  ...extra,
});

describe('label selectors', () => {
  it.each([
    ['a=1', true],
    ['a==1', true],
    ['a!=1', false],
    ['a!=2', true],
    ['missing!=x', true],
    ['a in (1, 2)', true],
    ['a notin (1)', false],
    ['missing notin (1)', true],
    ['a', true],
    ['!a', false],
    ['!missing', true],
    ['a=1,b in (x,y)', true],
    ['a=1,b=z', false],
    ['', true],
  ])('%s', (text, expected) => {
    expect(parseLabelSelector(text)(obj({ a: '1', b: 'x' }))).toBe(expected);
  });

  it('names the bad requirement', () => {
    expect(() => parseLabelSelector('a=1,=b')).toThrow('invalid label selector "=b"');
  });
});

describe('field selectors', () => {
  const pod = obj({}, { spec: { nodeName: 'n1' }, status: { phase: 'Running' } });
  it.each([
    ['metadata.name=n', true],
    ['metadata.namespace==ns', true],
    ['spec.nodeName=n1,status.phase!=Pending', true],
    ['spec.nodeName=', false],
    ['status.phase=Pending', false],
  ])('%s', (text, expected) => {
    expect(parseFieldSelector(text)(pod)).toBe(expected);
  });

  it('reads a missing field as empty and rejects unsupported fields', () => {
    expect(parseFieldSelector('spec.nodeName=')(obj({}))).toBe(true);
    expect(() => parseFieldSelector('spec.foo=x')).toThrow('field label not supported: spec.foo');
  });
});
