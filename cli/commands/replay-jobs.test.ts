import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkloadArrival } from '../../traces/weft/records.js';
import { TraceWriter } from '../../traces/weft/trace-writer.js';
import { cli } from '../testing/cli-harness.js';
import type { JobReplayDocument } from './replay-jobs.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-replay-jobs-'));
const clusterYaml = (oversubscription: number): string => {
  const path = join(dir, `cluster-${oversubscription}.yaml`);
  writeFileSync(path, `name: 8x8-a100-${oversubscription}to1
servers: [{ count: 8, gpuType: a100, gpusPerServer: 8, nvlink: { bandwidthGbps: 2400 } }]
topology: { kind: leaf-spine, hostsPerLeaf: 16, oversubscription: ${oversubscription} }
linkSpeedGbps: 400
`);
  return path;
};

const arrival = (i: number, spacingS: number): WorkloadArrival => {
  const gpus = [1, 4, 8, 16, 32][i % 5]!;
  return {
    id: `job-${i}`, arrivalNs: i * spacingS * 1e9, user: 'u', queue: 'q', priority: i % 4 === 0 ? 1 : 0,
    spec: { kind: 'training', gpus, nodes: 0, cpus: 0, gpuType: '', modelClass: gpus > 8 ? 'bert-large' : 'resnet-50', application: '', batchSize: 0 },
    recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: (600 + 97 * (i % 11)) * 1e9 },
  };
};

/** A Weft trace of `count` synthetic jobs (1 to 32 GPUs, two priorities). */
async function weftTrace(name: string, count: number, spacingS: number): Promise<string> {
  const path = join(dir, name);
  const writer = await TraceWriter.open(path, { name, source: 'synthetic', attribution: 'test' });
  for (let i = 0; i < count; i++) await writer.write({ kind: 'workload', workload: arrival(i, spacingS) });
  await writer.close();
  return path;
}

let small = '';
let large = '';
beforeAll(async () => {
  small = await weftTrace('small.weft', 40, 120);
  large = await weftTrace('large.weft.gz', 2600, 400);
});

describe('weft replay --format <job trace>', () => {
  it('gives multi-server jobs longer completion times on a 4:1 fabric than on 1:1, deterministically', async () => {
    const run = (oversub: number) => cli(['replay', small, '--format', 'weft', '--cluster', clusterYaml(oversub), '--json']);
    const flat = await run(1);
    const over = await run(4);
    expect(flat.code).toBe(0);
    const a = JSON.parse(flat.out) as JobReplayDocument;
    const b = JSON.parse(over.out) as JobReplayDocument;
    const [ra, rb] = [a.reports[0]!, b.reports[0]!];
    expect(ra.jobs.rows).toBe(40);
    expect(ra.jobs.finished + ra.jobs.stillWaiting).toBe(40);
    expect(rb.jctMultiServerS.mean).toBeGreaterThan(ra.jctMultiServerS.mean * 1.2);
    expect(rb.jctSingleServerS.count).toBeGreaterThan(0);
    expect((await run(4)).out).toBe(over.out);
  });

  it('prints a table, writes CSV and HTML, and rejects bad options with one clear error', async () => {
    const html = join(dir, 'r.html');
    const csv = join(dir, 'r.csv');
    const table = await cli(['replay', small, '--format', 'weft', '--cluster', clusterYaml(2), '--policy', 'best-fit,fgd', '--html', html, '--csv', csv]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/policy +finished +waiting +JCT mean s/);
    expect(table.out).toMatch(/^fgd /m);
    expect(readFileSync(html, 'utf8')).toMatch(/<svg id="jct-cdf"/);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('policy,time_s,utilisation,fragmentation,running,waiting');
    const twoPolicies = await cli(['replay', small, '--format', 'weft', '--cluster', clusterYaml(1), '--policy', 'best-fit,fgd', '--checkpoint', join(dir, 'x.ckpt')]);
    expect(twoPolicies.code).toBe(2);
    expect(twoPolicies.err).toMatch(/--policy.*one policy with --checkpoint/s);
    const noCluster = await cli(['replay', small, '--format', 'weft']);
    expect(noCluster.code).toBe(2);
    expect(noCluster.err).toMatch(/--cluster/);
  });

  it('stops at --stop-after-events and resumes from --checkpoint to byte-identical output', async () => {
    const cluster = clusterYaml(4);
    const whole = await cli(['replay', large, '--format', 'weft', '--cluster', cluster, '--json']);
    expect(whole.code).toBe(0);
    const checkpoint = join(dir, 'large.ckpt');
    const first = await cli(['replay', large, '--format', 'weft', '--cluster', cluster, '--json', '--checkpoint', checkpoint, '--stop-after-events', '3000']);
    expect(first.code).toBe(0);
    expect(first.out).toBe('');
    expect(first.err).toMatch(/progress saved/);
    expect(existsSync(checkpoint)).toBe(true);
    const resumed = await cli(['replay', large, '--format', 'weft', '--cluster', cluster, '--json', '--checkpoint', checkpoint]);
    expect(resumed.err).toMatch(/resumed from .* at job \d+/);
    expect(resumed.out).toBe(whole.out);
    expect(existsSync(checkpoint)).toBe(false);
    const report = (JSON.parse(whole.out) as JobReplayDocument).reports[0]!;
    expect(report.jobs.finished + report.jobs.stillWaiting).toBe(2600);
    expect(report.preemptions).toBeGreaterThan(0);
  }, 60_000);
});
