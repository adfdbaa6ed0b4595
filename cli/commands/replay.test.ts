import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-replay-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const NODE_HEADER = 'sn,cpu_milli,memory_mib,gpu,model\n';
const POD_HEADER = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n';
const nodes = file('nodes.csv', `${NODE_HEADER}${[0, 1, 2, 3].map((i) => `n${i},64000,262144,4,T4`).join('\n')}\ncpu0,96000,393216,0,\n`);
const pods = file(
  'pods.csv',
  POD_HEADER +
    ['p0,4000,8192,1,300,,LS,Running,0,100,0', 'p1,8000,16384,1,1000,,LS,Running,10,50,10', 'p2,8000,16384,2,1000,T4,BE,Running,20,80,20', 'p3,2000,4096,0,0,,BE,Running,30,90,30']
      .join('\n'),
);

interface InflateJson {
  mode: string;
  seeds: number[];
  records: { policy: string; arrivedShare: number; allocationRatio: number; fragmentationRatio: number; failedPods: number }[];
}

describe('weft replay --format openb', () => {
  it('inflates per policy: one JSON record per step, the same bytes for the same seeds, CSV written whole', async () => {
    const args = ['replay', pods, '--format', 'openb', '--cluster', nodes, '--policy', 'fgd,random', '--seeds', '1..3', '--step', '0.1', '--max-share', '1.3'];
    const csvPath = join(dir, 'curves.csv');
    const first = await cli([...args, '--json', '--csv', csvPath]);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out) as InflateJson;
    expect(report.mode).toBe('inflate');
    expect(report.seeds).toEqual([1, 2, 3]);
    expect(report.records).toHaveLength(2 * 13);
    expect(report.records.filter((r) => r.policy === 'fgd').map((r) => r.arrivedShare)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.2, 1.3]);
    for (const r of report.records) expect(r.allocationRatio + r.fragmentationRatio).toBeLessThanOrEqual(1 + 1e-9);
    expect((await cli([...args, '--json'])).out).toBe(first.out);
    const csv = readFileSync(csvPath, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('policy,arrived_share,allocation_ratio,fragmentation_ratio,arrived_pods,failed_pods');
    expect(csv).toHaveLength(1 + 26);
    expect(existsSync(`${csvPath}.${process.pid}.tmp`)).toBe(false);
  });

  it('prints a summary table at 100% and at the target share', async () => {
    const { code, out } = await cli(['replay', pods, '--format', 'openb', '--cluster', nodes, '--policy', 'best-fit', '--step', '0.25', '--max-share', '1.25']);
    expect(code).toBe(0);
    expect(out).toContain('5 nodes, 16 GPUs');
    expect(out).toMatch(/alloc% @100%.*alloc% @125%/);
    expect(out).toMatch(/^best-fit /m);
  });

  it('replays the trace timeline: queueing delay and utilisation over time', async () => {
    // One 1-GPU node: b arrives at 5 s while a holds the GPU until 10 s, so b waits 5 s.
    const one = file('one.csv', `${NODE_HEADER}n0,8000,8192,1,V100\n`);
    const trace = file('trace.csv', `${POD_HEADER}a,1000,1024,1,1000,,LS,Running,0,10,0\nb,1000,1024,1,1000,,LS,Running,5,25,5\n`);
    const { code, out } = await cli(['replay', trace, '--format', 'openb', '--cluster', one, '--mode', 'timeline', '--policy', 'best-fit', '--sample-every', '5', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as { policies: { started: number; neverScheduled: number; queueingDelaySec: { max: number; p50: number }; samples: { timeNs: number; allocationRatio: number; pending: number }[] }[] };
    const [p] = report.policies;
    expect(p).toMatchObject({ started: 2, neverScheduled: 0, queueingDelaySec: { max: 5, p50: 0 } });
    expect(p!.samples.slice(0, 4).map((s) => [s.timeNs / 1e9, s.allocationRatio, s.pending])).toEqual([[0, 1, 0], [5, 1, 1], [10, 1, 0], [15, 1, 0]]);
    const csv = await cli(['replay', trace, '--format', 'openb', '--cluster', one, '--mode', 'timeline', '--policy', 'best-fit', '--sample-every', '5', '--csv', '-']);
    expect(csv.out.split('\n').slice(0, 3)).toEqual(['policy,time_s,allocation_ratio,running,pending', 'best-fit,0,1,1,0', 'best-fit,5,1,1,1']);
  });

  it('rejects bad input with one line naming the flag, the value and what was expected (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['replay', pods, '--cluster', nodes], /--format/],
      [['replay', pods, '--format', 'slurm', '--cluster', nodes], /"slurm".*openb, philly/],
      [['replay', pods, '--format', 'openb'], /--cluster/],
      [['replay', pods, '--format', 'openb', '--cluster', nodes, '--policy', 'fastest'], /"fastest".*fgd, best-fit/],
      [['replay', pods, '--format', 'openb', '--cluster', nodes, '--seeds', '3..1'], /--seeds/],
      [['replay', pods, '--format', 'openb', '--cluster', nodes, '--mode', 'live'], /--mode.*inflate, timeline/],
      [['replay', pods, '--format', 'openb', '--cluster', join(dir, 'none.csv')], /none\.csv/],
    ];
    for (const [args, pattern] of cases) {
      const { code, err } = await cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toMatch(pattern);
    }
  });
});
