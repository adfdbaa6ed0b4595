import { describe, expect, it } from 'vitest';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import type { LoadedJobTrace } from '../replay/job-source.js';
import type { WorkloadArrival } from '../weft/records.js';
import type { PointResult } from './evaluate-point.js';
import { planInferenceOptions } from './inference-options.js';
import { renderPlanHtml } from '../report/plan-html.js';
import { judge, recommend } from './recommend.js';
import { runSweep } from './run-sweep.js';
import { designPoints, SweepSpecSchema } from './sweep-spec.js';

const result = (design: string, costPerHourUsd: number, inferenceAttainment: number | null): PointResult => ({
  design, gpus: 64, gpuType: 'h100', oversubscription: 1, policy: 'p', costPerHourUsd, jctMeanS: 100, jctP50S: 0, jctP99S: 200, multiServerJctMeanS: 0,
  queueMeanS: 0, queueP99S: 0, utilisationMean: 0, fragmentationMean: 0, preemptions: 0, finished: 10, unfinished: 0, makespanS: 0,
  inferenceAttainment, inferenceMeetingSlo: null,
});

/** 8-GPU training jobs every 10 minutes (25 min each) and a Llama-3-70B deployment on one 8-GPU replica every 30 minutes (an hour each). */
function arrivals(): WorkloadArrival[] {
  return Array.from({ length: 24 }, (_, i): WorkloadArrival => (i % 3 === 0
    ? { id: `svc-${i}`, arrivalNs: i * 600e9, user: '', queue: '', priority: 0, spec: { kind: 'inference', model: 'llama-3-70b', gpuType: '', gpusPerReplica: 8, replicas: 1, ttftP99Ms: 0, tpotP99Ms: 0, requestStream: '' }, recorded: { status: 'RUNNING', sourceStatus: '', runNs: 3600e9 } }
    : { id: `job-${i}`, arrivalNs: i * 600e9, user: '', queue: '', priority: 0, spec: { kind: 'training', gpus: 8, nodes: 0, cpus: 0, gpuType: '', modelClass: 'resnet-50', application: '', batchSize: 0 }, recorded: { status: 'COMPLETED', sourceStatus: '', runNs: 1500e9 } }));
}

describe('weft plan with inference workloads', () => {
  it('holds a design to the inference SLO: at least 99% of requests by default, or the sweep\'s target', () => {
    const spec = SweepSpecSchema.parse({ sweep: { gpus: [64] } });
    const judged = judge(spec, [result('small', 50, 0.95), result('big', 80, 0.995), result('training-only', 40, null)]);
    expect(judged.map((p) => [p.design, p.meetsTargets])).toEqual([['small', false], ['big', true], ['training-only', true]]);
    expect(judged[0]!.misses).toBe('inference SLO attainment 95.0% < 99.0%');
    const lenient = SweepSpecSchema.parse({ sweep: { gpus: [64] }, targets: { inferenceAttainment: 0.9 } });
    expect(judge(lenient, [result('small', 50, 0.95)])[0]!.meetsTargets).toBe(true);
  });

  it('recommends the design on which the deployments get their GPUs, not the cheaper one that starves them', async () => {
    const spec = SweepSpecSchema.parse({ base: { gpusPerServer: 8, hostsPerLeaf: 32 }, sweep: { gpus: [16, 48], gpuType: ['a100'] } });
    const trace: LoadedJobTrace = { name: 'mixed', source: 'synthetic', arrivals: arrivals(), readSummary: '', malformedRows: 0 };
    const inference = (await planInferenceOptions(spec, trace))!;
    const profiles = { 'best-fit': loadShippedProfiles().profiles.find((p) => p.name === 'best-fit')! };
    const results = await runSweep({ spec, points: designPoints(spec), trace, profiles, seed: 1, inference }, 0, () => undefined);
    const [small, big] = judge(spec, results);
    expect(small!.inferenceAttainment!).toBeLessThan(big!.inferenceAttainment!);
    expect(small!.meetsTargets).toBe(false);
    expect(small!.misses).toMatch(/inference SLO attainment/);
    expect(big!.inferenceAttainment!).toBeGreaterThanOrEqual(0.99);
    expect(recommend(judge(spec, results))?.design).toBe(big!.design);
    const html = renderPlanHtml({ trace: 'mixed', targets: spec.targets, recommended: big!.design, points: judge(spec, results) });
    expect(html).toMatch(/<svg id="cost-vs-slo"/);
  }, 60_000);
});
