import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './testing/cli-harness.js';

async function weft(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { code, out, err } = await cli(argv);
  return { code, stdout: out, stderr: err };
}

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'weft-cli-')), name);
  writeFileSync(path, content);
  return path;
}

describe('weft command', () => {
  it('prints help with commands and examples, exit 0', async () => {
    const r = await weft('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: weft <command>');
    expect(r.stdout).toContain('demo');
    expect(r.stdout).toContain('Examples:');
    const c = await weft('demo', '--help');
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('--seed <n>');
    expect(c.stdout).toContain('--json');
  });

  it('prints the version', async () => {
    const r = await weft('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects an unknown command with one line and exit 2, suggesting the closest', async () => {
    const r = await weft('dmeo');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: command: unknown command \(did you mean "demo"\?\): got "dmeo" \(expected one of: .*demo/);
  });

  it('rejects unknown options and bad values with exit 2', async () => {
    const unknown = await weft('demo', '--servrs', '4');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "--servers"');
    const bad = await weft('demo', '--servers', 'four');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe('error: --servers: invalid value: got "four" (expected an integer in [1, 10000])');
  });

  it('reports a malformed config with file, line, field, value and expectation, exit 2', async () => {
    const path = tempFile('demo.yaml', 'servers: 4\nutilization: high\n');
    const r = await weft('demo', '--config', path);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: ${path}:2:14: utilization: wrong type: got "high" (expected number)`);
    const syntax = tempFile('broken.yaml', 'servers: [4\n');
    const s = await weft('demo', '--config', syntax);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(new RegExp(`^error: ${syntax}:\\d+:\\d+: YAML syntax error`));
    const missing = await weft('demo', '--config', '/nonexistent/demo.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('error: /nonexistent/demo.yaml: file not found');
  });

  it('runs the demo, deterministic JSON for a seed, close to Erlang C', async () => {
    const a = await weft('demo', '--json', '--customers', '20000', '--seed', '3');
    const b = await weft('demo', '--json', '--customers', '20000', '--seed', '3');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout) as { simulated: { utilization: number }; theory: { utilization: number } };
    expect(Math.abs(result.simulated.utilization / result.theory.utilization - 1)).toBeLessThan(0.05);
    const config = tempFile('demo.yaml', 'servers: 2\nutilization: 0.5\ncustomers: 5000\n');
    const c = await weft('demo', '--json', '--config', config);
    expect(JSON.parse(c.stdout)).toMatchObject({ servers: 2, customers: 5000 });
  });

  it('the built bin runs as `weft` (npx weft) with the same exit codes', () => {
    const bin = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
    if (!existsSync(bin)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(import.meta.dirname, '..') });
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: weft');
    const unknown = spawnSync(process.execPath, [bin, 'nope'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).not.toContain('    at ');
  });
});
