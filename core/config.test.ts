import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseConfigText } from './config.js';
import { WeftError } from './errors.js';
import { formatError } from './format-error.js';

const Cluster = z
  .object({
    name: z.string(),
    servers: z.array(z.object({ gpus: z.number().int().positive(), type: z.enum(['h100', 'a100']) }).strict()),
  })
  .strict();

function errorOf(text: string, format: 'YAML' | 'JSON' = 'YAML'): string {
  try {
    parseConfigText(text, Cluster, { file: 'c.yaml', format });
  } catch (error) {
    expect(error).toBeInstanceOf(WeftError);
    return formatError(error);
  }
  throw new Error('expected an error');
}

describe('config loading', () => {
  it('returns typed data for a valid document, YAML or JSON', () => {
    expect(parseConfigText('name: a\nservers:\n  - {gpus: 8, type: h100}\n', Cluster, { file: 'c.yaml' })).toEqual({
      name: 'a',
      servers: [{ gpus: 8, type: 'h100' }],
    });
    expect(parseConfigText('{"name": "a", "servers": []}', Cluster, { file: 'c.json', format: 'JSON' }).servers).toEqual([]);
  });

  it('names line, column, field path, bad value and expectation', () => {
    const text = 'name: a\nservers:\n  - gpus: 8\n    type: h100\n  - gpus: -2\n    type: h100\n';
    expect(errorOf(text)).toBe('error: c.yaml:5:11: servers[1].gpus: out of range: got -2 (expected > 0)');
    expect(errorOf('name: a\nservers:\n  - gpus: 8\n    type: h1000\n')).toBe(
      'error: c.yaml:4:11: servers[0].type: not an allowed value: got "h1000" (expected one of: h100, a100)',
    );
    expect(errorOf('name: a\nservers: []\nextra: 1\n')).toMatch(/^error: c.yaml:1:1: \(document\): unknown field "extra"/);
    expect(errorOf('servers: []\n')).toBe('error: c.yaml:1:1: name: wrong type: got nothing (expected string)');
  });

  it('reports syntax errors with their position', () => {
    expect(errorOf('name: a\nservers: [\n')).toMatch(/^error: c.yaml:\d+:\d+: YAML syntax error/);
    expect(errorOf('{"name": "a",, }', 'JSON')).toMatch(/^error: c.yaml:1:\d+: JSON syntax error/);
    expect(errorOf('name: a\nname: b\nservers: []\n')).toMatch(/^error: c.yaml:2:1: YAML syntax error: Map keys must be unique/);
  });
});
