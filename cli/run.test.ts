import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DaySummary } from '../scheduler/day/day-report.js';
import { renderDayReport } from './commands/demo-report.js';
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
    const unknown = await weft('demo', '--minuts', '4');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "--minutes"');
    const bad = await weft('demo', '--minutes', 'four');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/^error: --minutes: invalid value: got "four"/);
  });

  it('reports a malformed config with file, line, field, value and expectation, exit 2', async () => {
    const path = tempFile('demo.yaml', 'minutes: 4\nscale: high\n');
    const r = await weft('demo', '--config', path);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`error: ${path}:2:8: scale: wrong type: got "high" (expected number)`);
    const syntax = tempFile('broken.yaml', 'minutes: [4\n');
    const s = await weft('demo', '--config', syntax);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(new RegExp(`^error: ${syntax}:\\d+:\\d+: YAML syntax error`));
    const missing = await weft('demo', '--config', '/nonexistent/demo.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe('error: /nonexistent/demo.yaml: file not found');
  });

  it('runs the demo end to end on a small cluster from a config file, deterministic for a seed', { timeout: 300_000 }, async () => {
    // 4 servers x 8 H100 on a rail-optimized fabric, a two-minute day at a fifth of the load.
    const config = tempFile(
      'demo.yaml',
      [
        'minutes: 2',
        'scale: 0.2',
        'cluster:',
        '  name: small-rail',
        '  servers: [{ count: 4, gpuType: h100, gpusPerServer: 8, nvlink: { bandwidthGbps: 3600 } }]',
        '  topology: { kind: rail-optimized, spines: 2 }',
        '  switch: weft-ai',
        '  linkSpeedGbps: 400',
      ].join('\n'),
    );
    const a = await weft('demo', '--json', '--config', config, '--seed', '3');
    const b = await weft('demo', '--json', '--config', config, '--seed', '3');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const day = JSON.parse(a.stdout) as {
      cluster: { gpus: number };
      deployments: { name: string; policies: { policy: string; met: boolean }[] }[];
      fineTune: { maxWorkers: number; baseWorkers: number };
      fabric: { ranks: number; hotLinks: unknown[] };
    };
    expect(day.cluster.gpus).toBe(32);
    expect(day.deployments.map((d) => d.name)).toEqual(['chat', 'code']);
    expect(day.deployments.map((d) => d.policies.map((p) => p.policy))).toEqual([
      ['static-peak', 'static-average', 'elastic-lending'],
      ['static-peak', 'static-average', 'elastic-lending'],
    ]);
    expect(day.fabric.ranks).toBe(day.fineTune.maxWorkers);
    expect(day.fabric.hotLinks.length).toBeGreaterThan(0);
    // The text report renders the same summary.
    const text = renderDayReport(JSON.parse(a.stdout) as DaySummary);
    for (const heading of ['Plans', 'SLO over the day', 'Fine-tuning', 'Fabric hot spots']) expect(text).toContain(heading);
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
