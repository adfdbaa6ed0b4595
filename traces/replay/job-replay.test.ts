import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClusterSpecSchema, type ClusterSpecInput } from '../../fabric-sim/cluster/spec.js';
import { parseSchedulerConfig, type ProfileConfig } from '../../scheduler/framework/profile.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { ModelClassMapper } from '../mapping/model-class-rules.js';
import type { WorkloadArrival } from '../weft/records.js';
import { replayJobTrace, type JobTraceReplayInput } from './job-trace-replay.js';
import type { LoadedJobTrace } from './job-source.js';
import { fingerprintOf } from './run-job-replay.js';

/** Four 8-GPU A100 servers, one per leaf (so two servers always span leaves). */
const cluster = (oversubscription: number, extra: Partial<ClusterSpecInput> = {}) =>
  ClusterSpecSchema.parse({
    name: `4x8-a100-${oversubscription}to1`,
    servers: [{ count: 4, gpuType: 'a100', gpusPerServer: 8, nvlink: { bandwidthGbps: 2400 } }],
    topology: { kind: 'leaf-spine', hostsPerLeaf: 8, oversubscription },
    linkSpeedGbps: 400,
    ...extra,
  });

const job = (id: string, arrivalS: number, gpus: number, runS: number, priority = 0): WorkloadArrival => ({
  id, arrivalNs: arrivalS * 1e9, user: 'u', queue: 'q', priority,
  spec: { kind: 'training', gpus, nodes: 0, cpus: 0, gpuType: '', modelClass: gpus > 8 ? 'bert-large' : 'resnet-50', application: '', batchSize: 0 },
  recorded: { status: 'COMPLETED', sourceStatus: 'COMPLETED', runNs: runS * 1e9 },
});

const trace = (arrivals: WorkloadArrival[]): LoadedJobTrace => ({ name: 'test', source: 'helios', arrivals, readSummary: '', malformedRows: 0 });
const bestFit: ProfileConfig = loadShippedProfiles().profiles.find((p) => p.name === 'best-fit')!;
const input = (arrivals: WorkloadArrival[], oversubscription: number, profile = bestFit): JobTraceReplayInput => ({
  trace: trace(arrivals), cluster: cluster(oversubscription), profile, seed: 1, sampleEveryNs: 600e9, mapper: new ModelClassMapper(), referenceGpu: 'a100-80g-sxm',
});

describe('job replay with fabric-dependent runtimes', () => {
  it('runs a packed job for its recorded time on a non-blocking cluster, and longer by the closed form on 4:1', () => {
    // One 16-GPU job: two servers, two leaves. bert-large: 340 M fp32 gradients; 6 N x 128 tokens x 32 per GPU.
    const arrivals = [job('big', 0, 16, 3600)];
    const flat = replayJobTrace(input(arrivals, 1)).report!;
    expect(flat.jctS.mean).toBeCloseTo(3600, 6);
    const over = replayJobTrace(input(arrivals, 4)).report!;
    // Closed form, written out here: compute on an A100 (312 TFLOP/s bf16 x 0.7) plus a ring all-reduce of
    // 2(n-1) steps of 5 us and 2(n-1)/n of the buffer at the NIC rate (400 Gb/s x 0.9), divided by 4 across leaves.
    const n = 16;
    const bytes = 340e6 * 4;
    const computeNs = ((6 * 340e6 * 128 * 32) / (312e12 * 0.7)) * 1e9;
    const nicBytesPerNs = (400 / 8) * 0.9;
    const ring = (oversub: number) => 2 * (n - 1) * 5000 + ((2 * (n - 1)) / n) * (bytes / (nicBytesPerNs / oversub));
    const expected = 3600 * (computeNs + ring(4)) / (computeNs + ring(1));
    expect(over.jctS.mean).toBeCloseTo(expected, 3);
    expect(over.jctS.mean / flat.jctS.mean).toBeGreaterThan(1.5);
    expect(over.jctMultiServerS.count).toBe(1);
  });

  it('leaves single-server jobs alone, gives multi-server jobs longer JCTs under oversubscription, and accounts for every job', () => {
    const arrivals = [
      job('a', 0, 8, 1000), job('b', 10, 16, 2000), job('c', 20, 4, 500), job('d', 30, 16, 1500),
      job('e', 40, 2, 100), job('cpu', 50, 0, 10), job('huge', 60, 64, 10), job('f', 70, 8, 800),
    ];
    const flat = replayJobTrace(input(arrivals, 1)).report!;
    const over = replayJobTrace(input(arrivals, 4)).report!;
    for (const r of [flat, over]) {
      expect(r.jobs.rows).toBe(8);
      expect(r.jobs.skipped).toEqual({ 'no GPUs (CPU job)': 1 });
      expect(r.jobs.unplaceable).toEqual({ 'needs more GPUs than the cluster has (32)': 1 });
      expect(r.jobs.finished + r.jobs.stillWaiting).toBe(6);
      expect(r.jobs.finished).toBe(6);
    }
    expect(over.jctMultiServerS.mean).toBeGreaterThan(flat.jctMultiServerS.mean * 1.3);
    expect(over.jctSingleServerS.count).toBe(flat.jctSingleServerS.count);
    expect(JSON.stringify(replayJobTrace(input(arrivals, 4)).report)).toBe(JSON.stringify(over));
    for (const s of over.samples) {
      expect(s.utilisation).toBeGreaterThanOrEqual(0);
      expect(s.utilisation + s.fragmentation).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('preempts low-priority jobs for high-priority ones, and the preempted job keeps its work', () => {
    const arrivals = [job('spot', 0, 32, 1000, 0), job('hp', 100, 8, 100, 1)];
    const report = replayJobTrace(input(arrivals, 1)).report!;
    expect(report.preemptions).toBe(1);
    expect(report.jobs.finished).toBe(2);
    // spot ran 100 s, waited for hp (100 s), then ran its remaining 900 s: JCT 1100 s.
    expect(report.jctS.max).toBeCloseTo(1100, 6);
  });

  it('resumes from a checkpoint to a byte-identical report', () => {
    const arrivals = Array.from({ length: 60 }, (_, i) => job(`j${i}`, i * 50, [1, 2, 4, 8, 16][i % 5]!, 200 + 37 * (i % 7), i % 3 === 0 ? 1 : 0));
    const random = parseSchedulerConfig(
      'profiles:\n  - name: r\n    plugins:\n      - { name: GpuType }\n      - { name: ResourceFit }\n      - { name: Coscheduling }\n      - { name: DefaultPreemption }\n      - { name: Random, weight: 1 }\n',
      'test',
    ).profiles[0]!;
    const base = { ...input(arrivals, 4, random), segmentEvents: 8 };
    const whole = replayJobTrace(base).report!;
    expect(whole.preemptions).toBeGreaterThan(0);
    const path = join(mkdtempSync(join(tmpdir(), 'weft-ckpt-')), 'replay.ckpt');
    const fingerprint = fingerprintOf({ test: 1 });
    // Stop twice, then finish: each run resumes from the checkpoint the previous one left.
    const first = replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, stopAfterEvents: 20, fingerprint } });
    expect(first.stopped).toBe(true);
    expect(existsSync(path)).toBe(true);
    const second = replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, stopAfterEvents: 70, fingerprint } });
    expect(second.stopped).toBe(true);
    expect(second.resumedAt).toBeGreaterThan(0);
    const last = replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, fingerprint } });
    expect(last.resumedAt).toBeGreaterThan(second.resumedAt);
    expect(JSON.stringify(last.report)).toBe(JSON.stringify(whole));
    expect(existsSync(path)).toBe(false);
    // A checkpoint of other inputs is refused.
    replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, stopAfterEvents: 20, fingerprint } });
    expect(() => replayJobTrace({ ...base, checkpoint: { path, everyMs: 1e9, fingerprint: 'other' } })).toThrow(/another replay/);
  });
});
