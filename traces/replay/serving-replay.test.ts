import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { ClusterSpecSchema } from '../../fabric-sim/cluster/spec.js';
import { ServingSimulation } from '../../fabric-sim/serving/index.js';
import { getGpu, getModel, makeDeployment } from '../../gpu-model/index.js';
import { parseSchedulerConfig, type ProfileConfig } from '../../scheduler/framework/profile.js';
import { resampledStream, type LoadProfile } from '../../scheduler/planner/index.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { checkSlo } from '../../scheduler/slo/slo-check.js';
import { loadModelClassMapper } from '../mapping/load-mapping.js';
import { ModelClassMapper } from '../mapping/model-class-rules.js';
import type { WorkloadArrival } from '../weft/records.js';
import { TraceWriter } from '../weft/trace-writer.js';
import type { DeploymentRecord } from './job-replay.js';
import { loadJobTrace, type LoadedJobTrace } from './job-source.js';
import { replayJobTrace, type JobTraceReplayInput } from './job-trace-replay.js';
import { fingerprintOf } from './run-job-replay.js';
import { defaultRequestLengths } from './serving-load.js';
import { DEFAULT_SLO, replicaCapacity, ServingEvaluator, type InferenceReplayOptions } from './serving-slo.js';

const A100 = 'a100-80g-sxm';
const cluster = (servers: number) =>
  ClusterSpecSchema.parse({
    name: `${servers}x8-a100`,
    servers: [{ count: servers, gpuType: 'a100', gpusPerServer: 8, nvlink: { bandwidthGbps: 2400 } }],
    topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription: 1 },
    linkSpeedGbps: 400,
  });

const training = (id: string, arrivalS: number, gpus: number, runS: number, priority = 0): WorkloadArrival => ({
  id, arrivalNs: arrivalS * 1e9, user: 'u', queue: 'q', priority,
  spec: { kind: 'training', gpus, nodes: 0, cpus: 0, gpuType: '', modelClass: gpus > 8 ? 'bert-large' : 'resnet-50', application: '', batchSize: 0 },
  recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: runS * 1e9 },
});

const serving = (id: string, arrivalS: number, model: string, replicas: number, gpusPerReplica: number, lifetimeS: number | undefined, priority = 0, ttftMs = 0): WorkloadArrival => ({
  id, arrivalNs: arrivalS * 1e9, user: 'u', queue: 'serving', priority,
  spec: { kind: 'inference', model, gpuType: '', gpusPerReplica, replicas, ttftP99Ms: ttftMs, tpotP99Ms: 0, requestStream: '' },
  ...(lifetimeS === undefined ? {} : { recorded: { status: 'RUNNING' as const, sourceStatus: 'Running', runNs: lifetimeS * 1e9 } }),
});

/** A mixed day: training jobs of 1 to 16 GPUs and serving deployments of three models, plus rows that cannot be deployed. */
function mixedArrivals(): WorkloadArrival[] {
  const out: WorkloadArrival[] = [];
  for (let i = 0; i < 48; i++) {
    const t = i * 150;
    if (i % 4 === 1) out.push(serving(`svc-${i}`, t, ['llama-3-8b', 'qwen2.5-7b', 'llama-3-70b'][i % 3]!, i % 3 === 2 ? 1 : 2, i % 3 === 2 ? 8 : 1, 1800 + 60 * (i % 5), i % 8 === 1 ? 1 : 0));
    else out.push(training(`job-${i}`, t, [1, 2, 4, 8, 16][i % 5]!, 900 + 113 * (i % 7), i % 6 === 0 ? 1 : 0));
  }
  out.push(serving('too-wide', 30, 'llama-3-70b', 1, 16, 600)); // a replica wider than a server
  out.push(serving('unknown', 40, 'gpt-9', 1, 1, 600));
  out.push(serving('no-lifetime', 50, 'llama-3-8b', 1, 1, undefined));
  return out.sort((a, b) => a.arrivalNs - b.arrivalNs);
}

const bestFit: ProfileConfig = loadShippedProfiles().profiles.find((p) => p.name === 'best-fit')!;
let lengths: LoadProfile;
let inference: InferenceReplayOptions;
let mixed: LoadedJobTrace;

beforeAll(async () => {
  lengths = await defaultRequestLengths();
  inference = { lengths, loadDescription: 'default' };
  // The mixed trace in Weft's own format (trace.proto, the format whose records say which workloads are inference), read back as weft replay reads it.
  const path = join(mkdtempSync(join(tmpdir(), 'weft-serving-replay-')), 'mixed.weft');
  const writer = await TraceWriter.open(path, { name: 'mixed', source: 'synthetic', attribution: 'test' });
  for (const workload of mixedArrivals()) await writer.write({ kind: 'workload', workload });
  await writer.close();
  mixed = await loadJobTrace('weft', path);
});

const input = (trace: LoadedJobTrace, servers: number, extra: Partial<JobTraceReplayInput> = {}): JobTraceReplayInput => ({
  trace, cluster: cluster(servers), profile: bestFit, seed: 1, sampleEveryNs: 600e9, mapper: new ModelClassMapper(), referenceGpu: A100, inference, ...extra,
});

const trace = (arrivals: WorkloadArrival[]): LoadedJobTrace => ({ name: 'test', source: 'synthetic', arrivals, readSummary: '', malformedRows: 0 });

/** A deployment record of Llama-3-8B on 2 x 1 A100 serving its whole lifetime. */
const record = (lifetimeS: number): DeploymentRecord => ({
  index: 0, id: 'svc', arrivalNs: 0, preemptions: 0, unplaceable: '',
  serving: { model: 'llama-3-8b', gpusPerReplica: 1, replicas: 2, lifetimeNs: lifetimeS * 1e9, ttftP99Ns: 0, tpotP99Ns: 0, requestStream: '' },
  served: [[0, lifetimeS * 1e9, A100]],
});

describe('inference workloads in a job replay', () => {
  it('places deployments beside training jobs and accounts for every row', () => {
    const report = replayJobTrace(input(mixed, 4)).report!;
    const { jobs } = report;
    const inf = report.inference!;
    const skipped = Object.values(jobs.skipped).reduce((s, n) => s + n, 0);
    const unplaceable = Object.values(jobs.unplaceable).reduce((s, n) => s + n, 0);
    expect(jobs.rows).toBe(51);
    expect(jobs.replayed + skipped).toBe(jobs.rows);
    expect(jobs.finished + jobs.stillWaiting + unplaceable + jobs.deployments).toBe(jobs.replayed);
    expect(jobs.skipped).toEqual({
      'inference workload of a model not in the gpu-model catalog ("gpt-9")': 1,
      'inference workload without a recorded lifetime': 1,
    });
    expect(jobs.deployments).toBe(13);
    expect(inf.deployments).toBe(13);
    expect(inf.ran + inf.neverRan + inf.unplaceable).toBe(13);
    expect(inf.unplaceable).toBe(1);
    expect(inf.perDeployment.find((d) => d.id === 'too-wide')!.note).toMatch(/more GPUs than a server has/);
    // An 8-GPU 70B replica needs a whole free server; on this busy cluster one waits out its lifetime.
    expect(inf.ran).toBe(11);
    expect(inf.neverRan).toBe(1);
    const never = inf.perDeployment.find((d) => d.gpuTypes === '' && d.note === '')!;
    expect(never.servedFraction).toBe(0);
    expect(never.requestAttainment).toBe(0);
    expect(never.waitS).toBe(never.lifetimeS);
    // Every deployment that ran has its requests simulated on the GPU it got.
    for (const d of inf.perDeployment.filter((x) => x.gpuTypes !== '')) {
      expect(d.gpuTypes).toBe(A100);
      expect(d.servedFraction).toBeGreaterThan(0);
      expect(d.requestAttainment).toBeLessThanOrEqual(d.servedFraction + 1e-9);
      expect(d.ttftP99Ms).not.toBeNull();
    }
    // 70B on one 8-GPU replica at half its capacity meets its targets when served throughout.
    expect(inf.perDeployment.filter((d) => d.servedFraction === 1 && d.model === 'llama-3-70b').every((d) => d.meetsSlo)).toBe(true);
    expect(inf.simulatedConfigurations).toBe(3);
  });

  it('gives the same report for a seed', () => {
    const a = JSON.stringify(replayJobTrace(input(mixed, 4)).report);
    expect(JSON.stringify(replayJobTrace(input(mixed, 4)).report)).toBe(a);
  });

  it('serves a deployment that waits for GPUs only from its start: served fraction 1 - wait / lifetime exactly', () => {
    // A 32-GPU job holds the whole cluster until 1000 s; the deployment arrives at 100 s and lives 3600 s.
    const report = replayJobTrace(input(trace([training('all', 0, 32, 1000), serving('svc', 100, 'llama-3-8b', 2, 1, 3600)]), 4)).report!;
    const d = report.inference!.perDeployment[0]!;
    expect(d.waitS).toBe(900);
    expect(d.servedFraction).toBeCloseTo(1 - 900 / 3600, 9);
    expect(d.requestAttainment).toBeLessThanOrEqual(0.75 + 1e-9);
    expect(d.requestAttainment).toBeGreaterThan(0.74);
    expect(d.meetsSlo).toBe(false);
    expect(report.jobs.finished).toBe(1);
    // Its GPUs count in utilisation: 2 of 32 after the job ends.
    expect(report.samples.find((s) => s.timeNs === 1200e9)!.utilisation).toBeCloseTo(2 / 32, 6);
  });

  it('attains less on a smaller cluster and under a higher load', () => {
    const big = replayJobTrace(input(mixed, 4)).report!.inference!;
    const small = replayJobTrace(input(mixed, 2)).report!.inference!;
    expect(small.servedFraction).toBeLessThan(big.servedFraction);
    expect(small.requestAttainment).toBeLessThan(big.requestAttainment - 0.05);
    const capacity = replicaCapacity('llama-3-8b', A100, 1, lengths, DEFAULT_SLO)!;
    const only = trace([serving('svc', 0, 'llama-3-8b', 2, 1, 1200)]);
    const at = (fraction: number) => replayJobTrace(input(only, 1, { inference: { ...inference, ratePerReplica: fraction * capacity } })).report!.inference!;
    const light = at(0.5);
    const heavy = at(1.5);
    expect(light.requestAttainment).toBeGreaterThan(0.99);
    expect(heavy.requestAttainment).toBeLessThan(light.requestAttainment - 0.2);
    expect(heavy.ttftP99Ms!).toBeGreaterThan(light.ttftP99Ms!);
  });

  it('serves the same demand better on the faster GPU it is placed on', () => {
    const only = trace([serving('svc', 0, 'llama-3-8b', 2, 1, 1200)]);
    // A tight TPOT target (40 ms), which decode speed decides.
    const tight = { ...inference, slo: { ttftP99Ns: 1e9, tpotP99Ns: 40e6 } };
    const on = (gpuType: string) => replayJobTrace({ ...input(only, 1, { inference: tight }), cluster: ClusterSpecSchema.parse({ ...cluster(1), servers: [{ count: 1, gpuType, gpusPerServer: 8 }] }) }).report!.inference!.perDeployment[0]!;
    const a100 = on('a100');
    const h100 = on('h100');
    const l40s = on('l40s');
    // The demand is the service's (half its SLO capacity on the reference A100), whatever it runs on.
    expect(h100.ratePerReplica).toBe(a100.ratePerReplica);
    expect([a100.gpuTypes, h100.gpuTypes, l40s.gpuTypes]).toEqual([A100, 'h100-sxm', 'l40s']);
    // H100: faster prefill and decode. L40S: more bf16 compute than the A100 but 864 GB/s of HBM
    // against 2,039: decode (TPOT) is slower, and it misses the target the A100 meets.
    expect(h100.ttftP99Ms!).toBeLessThan(a100.ttftP99Ms! / 2);
    expect(h100.tpotP99Ms!).toBeLessThan(a100.tpotP99Ms! / 2);
    expect(l40s.tpotP99Ms!).toBeGreaterThan(a100.tpotP99Ms! * 1.5);
    expect([a100.meetsSlo, h100.meetsSlo, l40s.meetsSlo]).toEqual([true, true, false]);
    expect(l40s.requestAttainment).toBeLessThan(a100.requestAttainment - 0.02);
  });

  it('splits a deployment preempted by a higher-priority job into served intervals', () => {
    const preempting = parseSchedulerConfig(
      'profiles:\n  - name: p\n    plugins:\n      - { name: GpuType }\n      - { name: ResourceFit }\n      - { name: Coscheduling }\n      - { name: DefaultPreemption }\n      - { name: MostAllocated, weight: 1 }\n',
      'test',
    ).profiles[0]!;
    // One server: the deployment (priority 0) holds 2 GPUs, an 8-GPU priority-1 job evicts it for 500 s.
    const report = replayJobTrace(input(trace([serving('svc', 0, 'llama-3-8b', 2, 1, 2000), training('urgent', 300, 8, 500, 1)]), 1, { profile: preempting })).report!;
    const d = report.inference!.perDeployment[0]!;
    expect(d.preemptions).toBe(1);
    expect(d.servedFraction).toBeCloseTo(1500 / 2000, 9);
    expect(report.jobs.finished).toBe(1);
  });

  it('resumes a replay with deployments from a checkpoint to a byte-identical report', () => {
    const random = parseSchedulerConfig(
      'profiles:\n  - name: r\n    plugins:\n      - { name: GpuType }\n      - { name: ResourceFit }\n      - { name: Coscheduling }\n      - { name: DefaultPreemption }\n      - { name: Random, weight: 1 }\n',
      'test',
    ).profiles[0]!;
    const base = { ...input(mixed, 2, { profile: random }), segmentEvents: 8 };
    const whole = replayJobTrace(base).report!;
    expect(whole.preemptions + whole.inference!.perDeployment.reduce((s, d) => s + d.preemptions, 0)).toBeGreaterThan(0);
    const path = join(mkdtempSync(join(tmpdir(), 'weft-ckpt-')), 'replay.ckpt');
    const fingerprint = fingerprintOf({ test: 'serving' });
    expect(replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, stopAfterEvents: 30, fingerprint } }).stopped).toBe(true);
    const last = replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, fingerprint } });
    expect(last.resumedAt).toBeGreaterThan(0);
    expect(JSON.stringify(last.report)).toBe(JSON.stringify(whole));
    expect(existsSync(path)).toBe(false);
  });
});

describe('a deployment fed by a request stream of its Weft trace', () => {
  it('takes the stream\'s rate over its replicas and the stream\'s lengths, unless a rate is forced', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'weft-stream-')), 'streams.weft');
    const writer = await TraceWriter.open(path, { name: 'streams', source: 'synthetic', attribution: 'test' });
    const fed = { ...serving('fed', 0, 'llama-3-8b', 2, 1, 1200), spec: { ...(serving('fed', 0, 'llama-3-8b', 2, 1, 1200).spec as object), requestStream: 'chat' } } as WorkloadArrival;
    const orphan = { ...serving('orphan', 10, 'llama-3-8b', 1, 1, 600), spec: { ...(serving('orphan', 10, 'llama-3-8b', 1, 1, 600).spec as object), requestStream: 'missing' } } as WorkloadArrival;
    await writer.write({ kind: 'workload', workload: fed });
    await writer.write({ kind: 'workload', workload: orphan });
    await writer.write({ kind: 'stream', stream: { id: 'chat', source: 'synthetic', prefixBlockTokens: 0 } });
    // 401 requests 0.5 s apart (2 req/s), 200-token prompts, 20-token outputs.
    for (let k = 0; k <= 400; k++) await writer.write({ kind: 'request', request: { stream: 'chat', arrivalNs: k * 0.5e9, promptTokens: 200, outputTokens: 20 } });
    await writer.close();
    const loaded = await loadJobTrace('weft', path);
    expect(loaded.requestStreams!.chat!.requestsPerSec).toBeCloseTo(2, 12);
    const report = replayJobTrace(input(loaded, 1)).report!.inference!;
    const [f, o] = report.perDeployment;
    expect(f!.ratePerReplica).toBe(1);
    expect(f!.note).toBe('');
    expect(f!.requests).toBe(2400);
    // Short prompts at a light load: TTFT is about one 200-token prefill, far below the default lengths' p99.
    expect(f!.ttftP99Ms!).toBeLessThan(100);
    expect(o!.note).toBe('request stream "missing" is not in the trace: the default load');
    expect(o!.ratePerReplica).toBeCloseTo(new ServingEvaluator(inference, A100, 1).ratePerReplica({ ...record(1).serving, replicas: 1 }), 9);
    const forced = replayJobTrace(input(loaded, 1, { inference: { ...inference, ratePerReplica: 3 } })).report!.inference!;
    expect(forced.perDeployment.map((d) => d.ratePerReplica)).toEqual([3, 3]);
  });
});

describe('inference services of a public job trace, by a mapping rule', () => {
  it('replays Alibaba spot-GPU HP jobs a mapping marks as services as deployments of workers x gpu_request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'weft-spot-serving-'));
    const csv = join(dir, 'job_info_df.csv');
    // The published layout (alibaba/clusterdata cluster-trace-v2026-spot-gpu README): header row, times in s from the first submission.
    writeFileSync(csv, [
      'job_name,organization,gpu_model,cpu_request,gpu_request,worker_num,submit_time,duration,job_type',
      '1,7,A100-SXM4-80GB,16,1,2,0,3600,HP',
      '2,9,A100-SXM4-80GB,12,8,2,60,1800,Spot',
      '3,7,A100-SXM4-80GB,16,2,1,120,1200,HP',
      '4,9,A100-SXM4-80GB,96,8,1,180,900,Spot',
      '5,3,A100-SXM4-80GB,64,8,4,240,600,HP',
    ].join('\n') + '\n');
    const mapping = join(dir, 'mapping.yaml');
    writeFileSync(mapping, [
      'rules:',
      '  - { sources: [alibaba-v2026-spot], application: HP, maxGpus: 8, modelClass: llama-3-8b, serve: true, why: "our HP jobs of up to 8 GPUs are chat services" }',
      '  - { minGpus: 9, modelClass: bert-base }',
      '  - { modelClass: resnet-50 }',
    ].join('\n') + '\n');
    const mapper = loadModelClassMapper(mapping);
    const spot = await loadJobTrace('alibaba-v2026-spot', csv, { mapper });
    const specs = spot.arrivals.map((a) => (a.spec.kind === 'inference' ? `${a.id}:serve ${a.spec.model} ${a.spec.replicas}x${a.spec.gpusPerReplica}` : `${a.id}:train ${a.spec.gpus}`));
    expect(specs).toEqual(['1:serve llama-3-8b 2x1', '2:train 16', '3:serve llama-3-8b 1x2', '4:train 8', '5:train 32']);
    const report = replayJobTrace({ ...input(spot, 4), mapper }).report!;
    expect(report.jobs.deployments).toBe(2);
    expect(report.jobs.finished).toBe(3);
    expect(report.inference!.perDeployment.map((d) => [d.id, d.servedFraction > 0, d.lifetimeS])).toEqual([['1', true, 3600], ['3', true, 1200]]);
    // A serving rule needs a class with a catalog model.
    writeFileSync(mapping, 'rules:\n  - { application: HP, modelClass: resnet-50, serve: true }\n  - { modelClass: resnet-50 }\n');
    expect(() => loadModelClassMapper(mapping)).toThrow(WeftError);
    try {
      loadModelClassMapper(mapping);
    } catch (error) {
      expect((error as WeftError).details).toMatchObject({ file: mapping, field: 'rules[0].modelClass', value: 'resnet-50' });
      expect(String((error as WeftError).details.expected)).toMatch(/catalog model when serve is true/);
    }
  });
});

describe('the bounded serving window', () => {
  /** Simulates every request of one interval of `lifetimeS` (from empty replicas), as the window stands for. */
  function full(rate: number, lifetimeS: number) {
    const deployment = makeDeployment({ model: getModel('llama-3-8b'), gpu: getGpu(A100), tp: 1 });
    const stream = resampledStream({ ...lengths, requestsPerSec: rate * 2 }, Math.round(rate * 2 * lifetimeS), 99);
    const sim = new ServingSimulation({ deployment, replicas: 2 }, { seed: 99 });
    for (const r of stream) sim.arrive(r);
    return checkSlo(sim.finish().records, DEFAULT_SLO);
  }

  it('matches a full simulation of the lifetime below and above capacity', () => {
    const capacity = replicaCapacity('llama-3-8b', A100, 1, lengths, DEFAULT_SLO)!;
    const lifetimeS = 900;
    for (const fraction of [0.9, 1.3]) {
      const rate = fraction * capacity;
      const evaluator = new ServingEvaluator({ ...inference, ratePerReplica: rate }, A100, 1);
      const windowed = evaluator.report([record(lifetimeS)]);
      const reference = full(rate, lifetimeS);
      // Below capacity the 2,000-request window stands for the ~10,000 requests. Above it the queue
      // grows, the window alone would say 0.8 (the first 2,000 requests), so the whole interval is
      // simulated: it then differs from the reference only by the seed of the stream (an
      // overloaded queue's drift varies from stream to stream: 0.05 to 0.12 over seeds 1, 7, 99).
      expect(Math.abs(windowed.requestAttainment - reference.requestAttainment)).toBeLessThan(fraction < 1 ? 0.01 : 0.1);
      if (fraction > 1) {
        expect(windowed.requestAttainment).toBeLessThan(0.3);
        // The interval is the first round(rate x lifetime) requests of the simulation: its prefix-sum attainment is checkSlo's of them.
        const shape = record(lifetimeS).serving;
        const w = evaluator.window(shape, A100, evaluator.load(shape), 0);
        expect(w.records).toHaveLength(Math.ceil(rate * 2 * lifetimeS));
        expect(windowed.requestAttainment).toBeCloseTo(checkSlo(w.records.slice(0, Math.round(rate * 2 * lifetimeS)), DEFAULT_SLO).requestAttainment, 6);
      }
      if (fraction < 1) {
        expect(windowed.ttftP99Ms! / (reference.overall.ttft.p99Ns / 1e6)).toBeGreaterThan(0.8);
        expect(windowed.ttftP99Ms! / (reference.overall.ttft.p99Ns / 1e6)).toBeLessThan(1.25);
      } else {
        // The p99 of a drifting queue depends on the stream even more than attainment: both miss the 1 s target.
        expect(windowed.ttftP99Ms!).toBeGreaterThan(1000);
        expect(reference.overall.ttft.p99Ns).toBeGreaterThan(1000e6);
      }
      if (fraction < 1) expect(windowed.simulatedRequests).toBe(2000);
      else expect(windowed.simulatedRequests).toBeGreaterThan(2000);
    }
  }, 60_000);

  it('derives the default demand from the planner screen: half the SLO capacity of a replica on the reference GPU', () => {
    const evaluator = new ServingEvaluator(inference, A100, 1);
    const capacity = replicaCapacity('llama-3-8b', A100, 1, lengths, DEFAULT_SLO)!;
    expect(evaluator.ratePerReplica(record(60).serving)).toBeCloseTo(capacity / 2, 5);
    // The capacity is where the screen's prediction reaches a target: a bit more load misses one.
    expect(capacity).toBeGreaterThan(1);
    expect(replicaCapacity('llama-3-8b', A100, 1, lengths, { ttftP99Ns: 1e6 })).toBeUndefined();
  });
});
