import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkloadArrival } from '../../traces/weft/records.js';
import { TraceWriter } from '../../traces/weft/trace-writer.js';
import { cli } from '../testing/cli-harness.js';
import type { PlanDocument } from './plan.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-plan-'));
let trace = '';

/** A communication-heavy trace: mostly 16- and 32-GPU bert-large jobs. */
beforeAll(async () => {
  trace = join(dir, 'jobs.weft');
  const writer = await TraceWriter.open(trace, { name: 'heavy', source: 'synthetic', attribution: 'test' });
  for (let i = 0; i < 30; i++) {
    const gpus = [8, 16, 32][i % 3]!;
    const workload: WorkloadArrival = {
      id: `j${i}`, arrivalNs: i * 300e9, user: 'u', queue: 'q', priority: 0,
      spec: { kind: 'training', gpus, nodes: 0, cpus: 0, gpuType: '', modelClass: 'bert-large', application: '', batchSize: 0 },
      recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: (1200 + 100 * (i % 4)) * 1e9 },
    };
    await writer.write({ kind: 'workload', workload });
  }
  await writer.close();
});

const sweepFile = (text: string): string => {
  const path = join(dir, `sweep-${text.length}.yaml`);
  writeFileSync(path, text);
  return path;
};

describe('weft plan', () => {
  it('sweeps designs on worker threads: completion times rise with oversubscription, same bytes for any thread count', async () => {
    const sweep = sweepFile(`base: { gpusPerServer: 8, hostsPerLeaf: 16 }
sweep: { gpus: [64], gpuType: [a100], oversubscription: [1, 2, 4], policy: [best-fit] }
targets: { jctP99S: 2500 }
`);
    const parallel = await cli(['plan', '--trace', trace, '--format', 'weft', '--sweep', sweep, '--threads', '2', '--json']);
    expect(parallel.err).toMatch(/3 designs on 2 thread/);
    const plan = JSON.parse(parallel.out) as PlanDocument;
    expect(plan.points.map((p) => p.design)).toEqual(['64xa100-1to1-best-fit', '64xa100-2to1-best-fit', '64xa100-4to1-best-fit']);
    const [one, two, four] = plan.points.map((p) => p.multiServerJctMeanS);
    expect(two!).toBeGreaterThan(one!);
    expect(four!).toBeGreaterThan(two!);
    // Fewer uplinks cost less: the plan trades cost against completion time.
    expect(plan.points[2]!.costPerHourUsd).toBeLessThan(plan.points[0]!.costPerHourUsd);
    const serial = await cli(['plan', '--trace', trace, '--format', 'weft', '--sweep', sweep, '--threads', '0', '--json']);
    expect(serial.out).toBe(parallel.out);
    expect(parallel.code).toBe(plan.recommended === null ? 3 : 0);
  }, 120_000);

  it('takes an inline sweep, recommends the cheapest design that meets the targets, writes CSV and HTML', async () => {
    const html = join(dir, 'plan.html');
    const csv = join(dir, 'plan.csv');
    const result = await cli(['plan', '--trace', trace, '--format', 'weft', '--sweep', 'gpus=[32,64],gpuType=[h100],oversub=[1,4]', '--threads', '0', '--html', html, '--csv', csv]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/recommended \(\*\): \S+/);
    expect(result.out).toMatch(/design +USD\/h +JCT mean s/);
    expect(readFileSync(csv, 'utf8').split('\n')).toHaveLength(1 + 4 + 1);
    expect(readFileSync(html, 'utf8')).toMatch(/<svg id="cost-vs-jct"/);
    const impossible = await cli(['plan', '--trace', trace, '--format', 'weft', '--sweep', 'gpus=[32]', '--threads', '0', '--target-jct-p99', '1']);
    expect(impossible.code).toBe(3);
    expect(impossible.out).toMatch(/no design meets the targets/);
  }, 120_000);

  it('rejects a bad sweep with one error naming the field', async () => {
    const cases: [string[], RegExp][] = [
      [['--sweep', sweepFile('sweep: { gpus: [60] }\n')], /sweep\.gpus.*multiple of base\.gpusPerServer/],
      [['--sweep', sweepFile('sweep: { gpus: [64], oversubscription: [0.5] }\n')], /sweep\.oversubscription/],
      [['--sweep', sweepFile('sweep: { gpus: [64], colour: [red] }\n')], /colour/],
      [['--sweep', 'gpus=[64],policy=[fastest]'], /"fastest".*best-fit/],
      [['--sweep', 'gpus=[64],gpuType=[v100]'], /"v100"/],
      [['--sweep', 'speed=fast'], /--sweep.*gpus, gpuType, oversub, policy/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(['plan', '--trace', trace, '--format', 'weft', '--threads', '0', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
    }
  });
});
