import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { ModelClassMapper } from '../../traces/mapping/model-class-rules.js';
import type { LoadedJobTrace } from '../../traces/replay/job-source.js';
import { replayJobTrace } from '../../traces/replay/job-trace-replay.js';
import { defaultRequestLengths } from '../../traces/replay/serving-load.js';
import type { InferenceReplayOptions } from '../../traces/replay/serving-slo.js';
import { syntheticJobs } from '../../traces/replay/synthetic-jobs.js';
import type { WorkloadArrival } from '../../traces/weft/records.js';
import { REPLAY_BENCH_CLUSTER as CLUSTER } from './replay-bench-cluster.js';
import type { Figure, Suite } from '../figures.js';
import { median, timed } from '../timing.js';

/**
 * `npm run bench -- replay-inference`: what the SLO attainment of inference workloads costs a
 * job replay (traces/replay/serving-slo.ts). JOBS synthetic jobs (synthetic-jobs.ts, about 35%
 * offered load on 512 H100s) of which every 10th becomes a serving deployment (Llama-3-8B on 2
 * x 1 GPU, or Llama-3-70B on 1 x 8 GPUs, alternately; lifetime = the job's recorded run time),
 * replayed and evaluated, against the baseline measured in the same run: the same trace with
 * those rows left as training jobs (the replay without any serving simulation). CPU time
 * (user + system), medians of ROUNDS alternating runs. A second case runs the deployments at
 * 25 requests per second per replica, beyond what a Llama-3-8B H100 replica carries (queues
 * drift, so whole intervals are simulated, up to the cap of MAX_WINDOW_REQUESTS).
 */
const ROUNDS = 3;
const JOBS = 5000;
const SEED = 7;


function traces(): { mixed: LoadedJobTrace; training: LoadedJobTrace; deployments: number } {
  const training = [...syntheticJobs({ jobs: JOBS, seed: SEED, meanInterarrivalS: 120 })];
  let deployments = 0;
  const mixed = training.map((a, i): WorkloadArrival => {
    if (i % 10 !== 5) return a;
    deployments++;
    const big = deployments % 2 === 0;
    return { ...a, spec: { kind: 'inference', model: big ? 'llama-3-70b' : 'llama-3-8b', gpuType: '', gpusPerReplica: big ? 8 : 1, replicas: big ? 1 : 2, ttftP99Ms: 0, tpotP99Ms: 0, requestStream: '' } };
  });
  const loaded = (arrivals: WorkloadArrival[]): LoadedJobTrace => ({ name: 'synthetic', source: 'synthetic', arrivals, readSummary: '', malformedRows: 0 });
  return { mixed: loaded(mixed), training: loaded(training), deployments };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export const replayInferenceSuite: Suite = {
  name: 'replay-inference',
  description: `job replay with SLO attainment of inference workloads: ${JOBS.toLocaleString('en-US')} synthetic jobs, every 10th a serving deployment, against the same trace all training`,
  async run(log) {
    const figures: Figure[] = [];
    const ratios: Figure[] = [];
    const profile = loadShippedProfiles().profiles.find((p) => p.name === 'best-fit')!;
    const mapper = new ModelClassMapper();
    const { mixed, training, deployments } = traces();
    const lengths = await defaultRequestLengths();
    const base = { cluster: CLUSTER, profile, seed: SEED, sampleEveryNs: 3600e9, mapper, referenceGpu: 'a100-80g-sxm' };
    const cases: [string, InferenceReplayOptions][] = [
      ['default load (half SLO capacity)', { lengths, loadDescription: 'default' }],
      ['overload (25 req/s per replica)', { lengths, ratePerReplica: 25, loadDescription: 'overload' }],
    ];
    const baselineCpu: number[] = [];
    const mixedCpu = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    const simulated = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ['baseline', ...cases.map((c) => c[0])] : [...cases.map((c) => c[0]).reverse(), 'baseline'];
      for (const name of order) {
        if (name === 'baseline') {
          baselineCpu.push(timed(() => replayJobTrace({ ...base, trace: training })).cpuMs);
          continue;
        }
        const inference = cases.find((c) => c[0] === name)![1];
        const run = timed(() => replayJobTrace({ ...base, trace: mixed, inference }));
        mixedCpu.get(name)!.push(run.cpuMs);
        const i = run.value.report!.inference!;
        simulated.set(name, i.simulatedRequests);
        if (round === 0) log(`  ${name}: ${i.deployments} deployments, ${i.requests.toLocaleString('en-US')} requests accounted, ${i.simulatedRequests.toLocaleString('en-US')} simulated in ${i.simulatedConfigurations} configurations, attainment ${(100 * i.requestAttainment).toFixed(2)}%`);
      }
    }
    const baseline = median(baselineCpu);
    log(`  baseline (all ${JOBS} as training): ${baseline.toFixed(0)} ms CPU (median of ${ROUNDS})`);
    figures.push({ name: `${JOBS} jobs, all training (baseline)`, value: round3(JOBS / (baseline / 1000)), unit: 'jobs/CPU-s' });
    for (const [name] of cases) {
      const cpu = median(mixedCpu.get(name)!);
      log(`  ${name}: ${cpu.toFixed(0)} ms CPU (median of ${ROUNDS}), ${deployments} deployments, ${simulated.get(name)!} requests simulated`);
      figures.push({ name: `${JOBS} jobs with ${deployments} deployments, ${name}`, value: round3(JOBS / (cpu / 1000)), unit: 'jobs/CPU-s' });
      ratios.push({ name: `CPU time with deployments / all training, ${name}`, value: round3(cpu / baseline), unit: 'x' });
    }
    return { suite: 'replay-inference', description: replayInferenceSuite.description, figures, ratios, quoted: [] };
  },
};
