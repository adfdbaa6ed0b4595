import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ClusterSpecSchema } from '../../fabric-sim/cluster/spec.js';
import { getGpu } from '../../gpu-model/index.js';
import { GangDirectory } from '../../scheduler/framework/gangs.js';
import { profilePlugins, type ProfileConfig } from '../../scheduler/framework/profile.js';
import { loadShippedProfiles } from '../../scheduler/profiles/shipped.js';
import { timeline, type TimedPod } from '../../scheduler/replay/timeline.js';
import { podSpec } from '../../scheduler/workload/pod.js';
import { ModelClassMapper } from '../../traces/mapping/model-class-rules.js';
import { loadJobTrace } from '../../traces/replay/job-source.js';
import { replayJobTrace } from '../../traces/replay/job-trace-replay.js';
import { replayCluster, type ReplayCluster } from '../../traces/replay/replay-cluster.js';
import { toReplayJob, type ReplayJob } from '../../traces/replay/replay-job.js';
import { runJobReplay } from '../../traces/replay/run-job-replay.js';
import { syntheticJobs, type SyntheticJobsOptions } from '../../traces/replay/synthetic-jobs.js';
import { samplePath } from '../../traces/samples/locate.js';
import { REPLAY_BENCH_CLUSTER as CLUSTER } from './replay-bench-cluster.js';
import type { Figure, Suite } from '../figures.js';
import { median, timed } from '../timing.js';

/**
 * `npm run bench -- replay`: the job replay of issue 11 (gang placement through the best-fit
 * profile, fabric-dependent run times, preemption, segment rebuilds).
 * - Pollux workload 6 (160 jobs, every one replayable) on 128 H100s, median of ROUNDS runs;
 * - a synthetic trace of SYNTHETIC_JOBS jobs against the same-run baseline, the scheduler's own
 *   timeline replay (scheduler/replay/timeline.ts) of the same jobs as single pods of at most one
 *   server with their recorded run times (no gangs, no fabric, no rebuilds: it does less work);
 * - a synthetic trace of STREAM_JOBS jobs generated lazily and replayed streaming, with the heap
 *   peak sampled at every segment end, against the same at a tenth of the jobs: what stays
 *   resident grows only with the per-job results (three numbers a job), not with the trace. The
 *   heap is measured after a full collection at every segment end (live set, not garbage).
 */
const ROUNDS = 3;
const SYNTHETIC_JOBS = 20_000;
const STREAM_JOBS = 1_000_000;
const SEED = 7;

/**
 * About 35% offered load on 512 GPUs (synthetic-jobs.ts: 4.63 GPUs x 4,657 s mean per job). At
 * 70% queues build up and every pass runs preemption for the queued high-priority jobs over every
 * node, which is the scheduler's cost, not the replay's: on a loaded 2-core machine 40,000 jobs
 * took minutes there against 9 s here. STREAM_JOBS is the million (about 2 to 3 minutes
 * of one core); the heap ratio against a tenth of it is what shows the streaming is bounded.
 */
const SYNTHETIC: Omit<SyntheticJobsOptions, 'jobs'> = { seed: SEED, meanInterarrivalS: 120 };

function* replayJobs(cluster: ReplayCluster, jobs: number, mapper: ModelClassMapper): Generator<ReplayJob> {
  const conversion = { mapper, source: 'synthetic', referenceGpu: getGpu('a100-80g-sxm'), fabric: cluster.fabric, gpusPerServer: cluster.gpusPerServer };
  let index = 0;
  for (const arrival of syntheticJobs({ ...SYNTHETIC, jobs })) {
    const converted = toReplayJob(arrival, index, conversion);
    if ('job' in converted) {
      index++;
      yield converted.job;
    }
  }
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** A full collection, so heap figures are the live set rather than garbage not yet collected. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Synthetic jobs: the job replay against the scheduler's timeline replay, alternating, medians (in a function so the job arrays are garbage before the streaming runs). */
function compare(cluster: ReplayCluster, profile: ProfileConfig, mapper: ModelClassMapper, figures: Figure[], ratios: Figure[], log: (line: string) => void): void {
  const jobs = [...replayJobs(cluster, SYNTHETIC_JOBS, mapper)];
  const pods: TimedPod[] = [...syntheticJobs({ ...SYNTHETIC, jobs: SYNTHETIC_JOBS })].map((a, i) => ({
    spec: podSpec({ name: `p${i}`, gpuCount: Math.min(8, a.spec.kind === 'training' ? a.spec.gpus : 1), gpuMilli: 1000, priority: a.priority }),
    arrivalNs: a.arrivalNs,
    runtimeNs: a.recorded!.runNs!,
  }));
  const replayWalls: number[] = [];
  const timelineWalls: number[] = [];
  let finished = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const contenders = round % 2 === 0 ? ['replay', 'timeline'] : ['timeline', 'replay'];
    for (const c of contenders) {
      if (c === 'replay') {
        const run = timed(() => runJobReplay({ replay: { cluster, profile, seed: SEED, sampleEveryNs: 3600e9 }, jobs }));
        replayWalls.push(run.wallMs);
        finished = run.value.state.results.jctNs.length;
      } else {
        const run = timed(() => timeline({
          nodes: cluster.nodes, pods, sampleEveryNs: 3600e9, feasibleNodesToFind: profile.feasibleNodesToFind,
          plugins: (c2) => profilePlugins(profile, { cluster: c2, gangs: new GangDirectory(), seed: SEED }),
        }));
        timelineWalls.push(run.wallMs);
      }
    }
  }
  const replayWall = median(replayWalls);
  const timelineWall = median(timelineWalls);
  log(`  ${SYNTHETIC_JOBS} synthetic jobs: job replay ${replayWall.toFixed(0)} ms (${finished} finished), timeline baseline ${timelineWall.toFixed(0)} ms (medians of ${ROUNDS})`);
  figures.push({ name: `synthetic ${SYNTHETIC_JOBS} jobs, job replay`, value: round3(SYNTHETIC_JOBS / (replayWall / 1000)), unit: 'jobs/s' });
  figures.push({ name: `synthetic ${SYNTHETIC_JOBS} jobs, scheduler timeline replay (baseline)`, value: round3(SYNTHETIC_JOBS / (timelineWall / 1000)), unit: 'jobs/s' });
  ratios.push({ name: 'job replay / timeline replay throughput', value: round3(timelineWall / replayWall), unit: 'x' });

}

export const replaySuite: Suite = {
  name: 'replay',
  description: `job replay: Pollux workload 6, ${SYNTHETIC_JOBS.toLocaleString('en-US')} synthetic jobs vs the scheduler's timeline replay, ${STREAM_JOBS.toLocaleString('en-US')} jobs streamed with peak memory`,
  async run(log) {
    const figures: Figure[] = [];
    const ratios: Figure[] = [];
    const profile = loadShippedProfiles().profiles.find((p) => p.name === 'best-fit')!;
    const mapper = new ModelClassMapper();
    const cluster = replayCluster(CLUSTER);

    // Pollux workload 6 on 16 servers.
    const pollux = await loadJobTrace('pollux', samplePath('pollux/workload-6.csv'));
    const polluxCluster = ClusterSpecSchema.parse({ ...CLUSTER, name: 'bench-128xh100', servers: [{ count: 16, gpuType: 'h100', gpusPerServer: 8 }] });
    const polluxWalls: number[] = [];
    let polluxJobs = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const run = timed(() => replayJobTrace({ trace: pollux, cluster: polluxCluster, profile, seed: SEED, sampleEveryNs: 600e9, mapper }));
      polluxWalls.push(run.wallMs);
      polluxJobs = run.value.report!.jobs.replayed;
    }
    const polluxWall = median(polluxWalls);
    log(`  pollux workload 6: ${polluxJobs} jobs replayed in ${polluxWall.toFixed(1)} ms (median of ${ROUNDS})`);
    figures.push({ name: 'pollux workload 6 job replay', value: round3(polluxJobs / (polluxWall / 1000)), unit: 'jobs/s' });

    compare(cluster, profile, mapper, figures, ratios, log);

    // Streaming: a tenth of the jobs, then all, each generated lazily; peak heap sampled at segment ends.
    const streamed = (count: number): { wallMs: number; peakHeapMiB: number } => {
      collectGarbage();
      let peak = process.memoryUsage().heapUsed;
      const run = timed(() => runJobReplay({
        replay: { cluster, profile, seed: SEED, sampleEveryNs: 3600e9 },
        jobs: replayJobs(cluster, count, mapper),
        onProgress: () => {
          collectGarbage();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        },
      }));
      return { wallMs: run.wallMs, peakHeapMiB: peak / 2 ** 20 };
    };
    const tenth = streamed(STREAM_JOBS / 10);
    const all = streamed(STREAM_JOBS);
    log(`  streamed ${STREAM_JOBS} jobs in ${(all.wallMs / 1000).toFixed(1)} s, heap peak ${all.peakHeapMiB.toFixed(0)} MiB (${STREAM_JOBS / 10}: ${tenth.peakHeapMiB.toFixed(0)} MiB); max RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
    figures.push({ name: `streamed ${STREAM_JOBS} jobs, job replay`, value: round3(STREAM_JOBS / (all.wallMs / 1000)), unit: 'jobs/s' });
    figures.push({ name: `streamed ${STREAM_JOBS} jobs, heap peak`, value: round3(all.peakHeapMiB), unit: 'MiB' });
    figures.push({ name: `streamed ${STREAM_JOBS / 10} jobs, heap peak`, value: round3(tenth.peakHeapMiB), unit: 'MiB' });
    figures.push({ name: 'process max RSS', value: round3(process.resourceUsage().maxRSS / 1024), unit: 'MiB' });
    ratios.push({ name: `heap peak, ${STREAM_JOBS} jobs / ${STREAM_JOBS / 10} jobs`, value: round3(all.peakHeapMiB / tenth.peakHeapMiB), unit: 'x' });
    return { suite: 'replay', description: replaySuite.description, figures, ratios, quoted: [] };
  },
};
