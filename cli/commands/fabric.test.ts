import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.js';

const example = (name: string) => fileURLToPath(new URL(`../../fabric-sim/examples/${name}`, import.meta.url));

describe('weft fabric run', () => {
  it('prints one JSON document with the full metrics', async () => {
    const { code, out } = await cli(['fabric', 'run', example('allreduce.yaml'), '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { collectives: { timeNs: number; closedFormNs: number }[]; conservation: { allDelivered: boolean } };
    expect(result.conservation.allDelivered).toBe(true);
    expect(Math.abs(result.collectives[0]!.timeNs / result.collectives[0]!.closedFormNs - 1)).toBeLessThan(0.05);
  });

  it('prints a summary table', async () => {
    const { code, out } = await cli(['fabric', 'run', example('incast.yaml')]);
    expect(code).toBe(0);
    expect(out).toContain('PFC pauses');
    expect(out).toContain('8 / 8');
  });

  it('exits 2 with one line for a bad subcommand, a missing file or a bad scenario', async () => {
    expect((await cli(['fabric', 'go', 'x.yaml'])).code).toBe(2);
    const missing = await cli(['fabric', 'run', 'no-such-file.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('weft fabric run at other fidelities', () => {
  it('runs a scenario that asks for flow-level fidelity and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-fabric-'));
    const path = join(dir, 'flow.yaml');
    writeFileSync(path, `${readFileSync(example('allreduce.yaml'), 'utf8')}fidelity: flow\n`);
    const { code, out } = await cli(['fabric', 'run', path]);
    expect(code).toBe(0);
    expect(out).toContain('flow fidelity');
    expect(out).not.toContain('PFC pauses');
    expect(out).toMatch(/all-reduce n=8 S=1048576 B +29\.92 us \(closed form 29\.92\)/);
  });
});
