import { RandomStream } from '../../fabric-sim/engine/random.js';
import type { WorkloadArrival } from '../weft/records.js';

/**
 * A synthetic job trace, generated lazily (so a million jobs take no memory until replayed):
 * Poisson arrivals, GPU counts from a Philly-like mix (most jobs on one GPU, a tail of
 * multi-server jobs), recorded run times log-uniform between one minute and `maxRunS`.
 * Deterministic for the seed. `meanInterarrivalS` sets the load: offered GPU-seconds per second
 * is mean GPUs x mean run time / mean interarrival.
 */
export interface SyntheticJobsOptions {
  readonly jobs: number;
  readonly seed: number;
  readonly meanInterarrivalS: number;
  readonly maxRunS?: number;
}

/** [GPUs, weight]: Philly's single-GPU majority with multi-server jobs of 16 to 64 GPUs (Jeon et al. 2019, figure 2). */
const GPU_MIX: readonly (readonly [number, number])[] = [[1, 0.55], [2, 0.12], [4, 0.12], [8, 0.12], [16, 0.05], [32, 0.03], [64, 0.01]];

export function* syntheticJobs(options: SyntheticJobsOptions): Generator<WorkloadArrival> {
  const random = RandomStream.derive(options.seed, 'traces/replay/synthetic-jobs');
  const maxRunS = options.maxRunS ?? 8 * 3600;
  let timeS = 0;
  for (let i = 0; i < options.jobs; i++) {
    timeS += -Math.log(1 - random.uniform()) * options.meanInterarrivalS;
    let u = random.uniform();
    let gpus = GPU_MIX.at(-1)![0];
    for (const [g, w] of GPU_MIX) {
      if (u < w) {
        gpus = g;
        break;
      }
      u -= w;
    }
    const runS = 60 * Math.exp(random.uniform() * Math.log(maxRunS / 60));
    yield {
      id: `s${i}`,
      arrivalNs: Math.round(timeS * 1e9),
      user: '',
      queue: '',
      priority: random.uniform() < 0.1 ? 1 : 0,
      spec: { kind: 'training', gpus, nodes: 0, cpus: 0, gpuType: '', modelClass: gpus >= 16 ? 'bert-large' : gpus > 8 ? 'bert-base' : 'resnet-50', application: '', batchSize: 0 },
      recorded: { status: 'COMPLETED', sourceStatus: 'synthetic', runNs: Math.round(runS * 1e9) },
    };
  }
}
