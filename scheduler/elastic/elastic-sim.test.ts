import { describe, expect, it } from 'vitest';
import { RandomStream } from '../../fabric-sim/engine/index.js';
import { simulateServing, type ServingControlView } from '../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { efficiencyFor, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives } from '../../gpu-model/index.js';
import { loadProfile } from '../planner/load-profile.js';
import { planDeployment } from '../planner/plan.js';
import { ReplicaModel } from '../planner/replica-model.js';
import { parseSlo } from '../planner/slo.js';
import { checkSlo } from '../slo/slo-check.js';
import { fabricCollectives } from '../../fabric-sim/training/index.js';
import { fineTuneStepTime, makeFineTuneJob } from '../../gpu-model/index.js';
import { runLending } from './lending-run.js';
import { modelLoadTimeNs } from './model-load.js';
import { SloPolicy } from './slo-policy.js';

const S = 1e9;
const SAMPLES = Array.from({ length: 1000 }, (_, i) => ({ promptTokens: 200 + ((i * 7919) % 1800), outputTokens: 50 + ((i * 104729) % 400) }));
const slo = parseSlo('ttft-p99=500ms,tpot-p99=50ms');
const gpu = getGpu('h100-sxm');
const model = getModel('llama-3-8b');
const deployment = makeDeployment({ model, gpu, tp: 1, weightPrecision: 'bf16' });

/** Poisson arrivals at `base` req/s, `burst` req/s between 150 s and 240 s, until 360 s. */
function burstyStream(base: number, burst: number, seed: number): InferenceRequest[] {
  const random = RandomStream.derive(seed, 'elastic-test/stream');
  const out: InferenceRequest[] = [];
  for (let t = 0; t < 360 * S; ) {
    const rate = t >= 150 * S && t < 240 * S ? burst : base;
    t += random.exponential(S / rate);
    const sample = SAMPLES[random.integer(0, SAMPLES.length - 1)]!;
    out.push({ arrivalNs: Math.round(t), promptTokens: sample.promptTokens, outputTokens: sample.outputTokens });
  }
  return out;
}

describe('the elastic controller in the serving simulation', () => {
  it('meets a burst that the static average plan misses, with less GPU time than the static peak plan', { timeout: 180_000 }, async () => {
    const requests = burstyStream(6, 24, 1);
    const meanRate = requests.length / 360;
    const replicasFor = (rate: number): number =>
      planDeployment({ model: 'llama-3-8b', slo, load: loadProfile(rate, SAMPLES), gpus: ['h100-sxm'], tensorParallel: [1], precisions: ['bf16'] }).chosen!.replicas;
    const average = replicasFor(meanRate);
    const peak = replicasFor(24);
    expect(peak).toBeGreaterThan(average);

    const replicaModel = new ReplicaModel(deployment, nvlinkAlphaBetaCollectives(gpu), efficiencyFor(gpu.name));
    const lengths = loadProfile(1, SAMPLES);
    const policy = new SloPolicy({ slo, minReplicas: 1, maxReplicas: peak + 2, predict: (rate) => replicaModel.predict(rate, lengths), scaleDownDelayNs: 30 * S, burstWindowNs: 4 * S });
    const controller = {
      periodNs: 1 * S,
      // Weights from a fast local cache and a short engine warm-up: 16 GB at 10 GB/s + 5 s.
      replicaStartNs: modelLoadTimeNs(model, 'bf16', { storageBytesPerSec: 10e9, warmupNs: 5 * S }),
      desiredReplicas(view: ServingControlView): number {
        policy.observe(view.nowNs, { requestsPerSec: view.requestsPerSec, inFlight: view.inFlight });
        return policy.desiredReplicas(view.nowNs, view.readyReplicas);
      },
    };
    const run = async (replicas: number, withController: boolean) => {
      const result = await simulateServing(requests, { deployment, replicas }, withController ? { controller } : {});
      return { result, report: checkSlo(result.records, slo, { windowNs: 30 * S }) };
    };
    const staticAverage = await run(average, false);
    const staticPeak = await run(peak, false);
    const elastic = await run(average, true);
    const summary = (name: string, r: Awaited<ReturnType<typeof run>>) =>
      `${name}: attainment ${(r.report.requestAttainment * 100).toFixed(2)}%, TTFT p99 ${(r.report.overall.ttft.p99Ns / 1e6).toFixed(0)} ms, replica-hours ${(r.result.provisionedReplicaNs / 3600e9).toFixed(3)}`;
    console.log([summary(`static average x${average}`, staticAverage), summary(`static peak x${peak}`, staticPeak), summary('elastic', elastic)].join('\n'));
    expect(staticAverage.report.overall.ttft.p99Ns).toBeGreaterThan(slo.ttftP99Ns!);
    expect(elastic.report.overall.ttft.p99Ns).toBeLessThanOrEqual(slo.ttftP99Ns!);
    expect(elastic.report.requestAttainment).toBeGreaterThan(staticAverage.report.requestAttainment);
    expect(elastic.result.provisionedReplicaNs).toBeLessThan(staticPeak.result.provisionedReplicaNs);
    expect(Math.max(...elastic.result.replicaTimeline.map((s) => s.ready))).toBeGreaterThan(average);
  });

  it('lends idle GPUs to an elastic LoRA job, raising utilisation while the SLO holds, and reclaims within the grace', { timeout: 180_000 }, async () => {
    const requests = burstyStream(6, 24, 2);
    const replicaModel = new ReplicaModel(deployment, nvlinkAlphaBetaCollectives(gpu), efficiencyFor(gpu.name));
    const lengths = loadProfile(1, SAMPLES);
    const policy = new SloPolicy({ slo, minReplicas: 1, maxReplicas: 4, predict: (rate) => replicaModel.predict(rate, lengths), scaleDownDelayNs: 30 * S, burstWindowNs: 2 * S });
    const graceNs = 5 * S;
    // A scale-up may first need its GPUs back from the job: its start includes the reclaim grace.
    const replicaStartNs = graceNs + modelLoadTimeNs(model, 'bf16', { storageBytesPerSec: 10e9, warmupNs: 5 * S });
    const controller = {
      periodNs: 1 * S,
      replicaStartNs,
      desiredReplicas(view: ServingControlView): number {
        policy.observe(view.nowNs, { requestsPerSec: view.requestsPerSec, inFlight: view.inFlight });
        return policy.desiredReplicas(view.nowNs, view.readyReplicas);
      },
    };
    const served = await simulateServing(requests, { deployment, replicas: 1 }, { controller });
    const report = checkSlo(served.records, slo, { windowNs: 30 * S });
    expect(report.overall.ttft.p99Ns).toBeLessThanOrEqual(slo.ttftP99Ns!);
    expect(report.overall.tpot.p99Ns).toBeLessThanOrEqual(slo.tpotP99Ns!);

    // A LoRA fine-tune of the same model on 1-GPU data-parallel workers, real step times.
    const stepTimeNs = (workers: number): number => {
      const job = makeFineTuneJob({ model, method: 'lora', seqLen: 4096, microBatchSeqs: 1, globalBatchSeqs: 12, dp: workers });
      return fineTuneStepTime(job, gpu, fabricCollectives({ gpu, nicGbps: 400, gpusPerLeaf: 32, oversubscription: 1 }), efficiencyFor(gpu.name)).timeNs;
    };
    const lending = runLending({
      timeline: served.replicaTimeline,
      gpusPerReplica: 1,
      ownedGpus: 4,
      reserveGpus: 0,
      reclaimGraceNs: graceNs,
      job: { name: 'lora', priority: 0, gpusPerWorker: 1, minWorkers: 1, maxWorkers: 3, stepTimeNs, checkpointEverySteps: 5, checkpointNs: 2 * S, restartNs: 5 * S },
    });
    console.log(
      `lending: inference utilisation ${(lending.inferenceUtilisation * 100).toFixed(1)}%, with lending ${(lending.utilisationWithLending * 100).toFixed(1)}%, ` +
        `${lending.actions.filter((a) => a.kind === 'reclaim').length} reclaims (max ${(lending.maxReclaimNs / 1e9).toFixed(1)} s), steps ${lending.stepsDone}, lost ${lending.stepsLost.toFixed(1)}`,
    );
    expect(lending.utilisationWithLending).toBeGreaterThan(lending.inferenceUtilisation + 0.2);
    const reclaims = lending.actions.filter((a) => a.kind === 'reclaim');
    expect(reclaims.length).toBeGreaterThan(0); // the burst needed the lent GPUs back
    expect(lending.maxReclaimNs).toBeLessThanOrEqual(graceNs);
    // The job resumed after the burst and kept making progress; the work since its last checkpoint was accounted as lost.
    const lastReclaimNs = Math.max(...reclaims.map((a) => a.timeNs));
    expect(lending.actions.some((a) => a.kind === 'lend' && a.timeNs > lastReclaimNs)).toBe(true);
    expect(lending.stepsDone).toBeGreaterThan(0);
    expect(lending.lostGpuNs).toBeGreaterThan(0);
  });
});
