import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkloadArrival } from '../../traces/weft/records.js';
import { TraceWriter } from '../../traces/weft/trace-writer.js';
import { cli } from '../testing/cli-harness.js';
import type { JobReplayDocument } from './replay-jobs.js';

const dir = mkdtempSync(join(tmpdir(), 'weft-replay-inference-'));
const cluster = join(dir, 'cluster.yaml');
let trace = '';

beforeAll(async () => {
  writeFileSync(cluster, 'name: 2x8-a100\nservers: [{ count: 2, gpuType: a100, gpusPerServer: 8 }]\ntopology: { kind: leaf-spine, hostsPerLeaf: 16, oversubscription: 1 }\nlinkSpeedGbps: 400\n');
  trace = join(dir, 'mixed.weft');
  const writer = await TraceWriter.open(trace, { name: 'mixed', source: 'synthetic', attribution: 'test' });
  const rows: WorkloadArrival[] = [
    { id: 'train-a', arrivalNs: 0, user: 'u', queue: 'q', priority: 0, spec: { kind: 'training', gpus: 8, nodes: 0, cpus: 0, gpuType: '', modelClass: 'resnet-50', application: '', batchSize: 0 }, recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: 1200e9 } },
    { id: 'chat', arrivalNs: 60e9, user: 'u', queue: 'serving', priority: 1, spec: { kind: 'inference', model: 'llama-3-8b', gpuType: 'h100', gpusPerReplica: 1, replicas: 2, ttftP99Ms: 0, tpotP99Ms: 0, requestStream: '' }, recorded: { status: 'RUNNING', sourceStatus: 'Running', runNs: 1800e9 } },
    { id: 'train-b', arrivalNs: 120e9, user: 'u', queue: 'q', priority: 0, spec: { kind: 'training', gpus: 16, nodes: 0, cpus: 0, gpuType: '', modelClass: 'bert-large', application: '', batchSize: 0 }, recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: 600e9 } },
  ];
  for (const workload of rows) await writer.write({ kind: 'workload', workload });
  await writer.close();
});

describe('weft replay of a job trace with inference workloads', () => {
  it('reports SLO attainment in the table, JSON and the per-deployment CSV; a higher load attains less', async () => {
    const html = join(dir, 'replay.html');
    const table = await cli(['replay', trace, '--format', 'weft', '--cluster', cluster, '--html', html]);
    expect(table.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<h2>Inference workloads \(serving deployments\)<\/h2>/);
    expect(table.out).toMatch(/inference workloads \(serving deployments\), load default/);
    expect(table.out).toMatch(/policy +deployments +ran +met SLO +served% +attain% +TTFT p99 ms +TPOT p99 ms/);
    const csv = join(dir, 'deployments.csv');
    const run = async (load: string) => {
      const r = await cli(['replay', trace, '--format', 'weft', '--cluster', cluster, '--json', '--inference-load', load, '--slo', 'ttft-p99=800ms,tpot-p99=80ms', '--deployments-csv', csv]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.out) as JobReplayDocument).reports[0]!;
    };
    const light = await run('qps=2');
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^policy,deployment,model,replicas,gpus_per_replica,gpu_types,/);
    expect(lines[1]).toMatch(/^best-fit,chat,llama-3-8b,2,1,a100-80g-sxm,60,1800,0,/);
    expect(light.jobs.deployments).toBe(1);
    expect(light.jobs.finished).toBe(2);
    const d = light.inference!.perDeployment[0]!;
    expect([d.ratePerReplica, d.requests, d.ttftTargetMs, d.tpotTargetMs]).toEqual([2, 7200, 800, 80]);
    const heavy = await run('qps=12');
    expect(heavy.inference!.requestAttainment).toBeLessThan(light.inference!.requestAttainment - 0.1);
    // Same inputs, same bytes.
    expect(JSON.stringify(await run('qps=2'))).toBe(JSON.stringify(light));
  }, 60_000);

  it('rejects a bad --slo or --inference-load with exit 2', async () => {
    const slo = await cli(['replay', trace, '--format', 'weft', '--cluster', cluster, '--slo', 'ttft-p95=1s']);
    expect(slo.code).toBe(2);
    expect(slo.err).toMatch(/unknown SLO target.*ttft-p95/s);
    const load = await cli(['replay', trace, '--format', 'weft', '--cluster', cluster, '--inference-load', 'qps=0']);
    expect(load.code).toBe(2);
    expect(load.err).toMatch(/--inference-load/);
  });
});
