import { RandomStream } from '../../fabric-sim/engine/index.js';
import type { CycleContext, ScorePlugin } from '../framework/plugin.js';
import type { PodSpec } from '../workload/pod.js';

/**
 * Score: a uniform random number in [0, 100] per node, from a seeded stream. The "random"
 * baseline of the FGD paper; deterministic for a given seed and call sequence.
 */
export class RandomScore implements ScorePlugin {
  readonly name = 'Random';
  readonly #random: RandomStream;

  constructor(seed: number) {
    this.#random = RandomStream.derive(seed, 'scheduler/plugins/random-score');
  }

  score(): number {
    return 100 * this.#random.uniform();
  }

  scoreNodes(_ctx: CycleContext, _pod: PodSpec, _nodes: Int32Array, count: number, out: Float64Array): void {
    const random = this.#random;
    for (let k = 0; k < count; k++) out[k] = 100 * random.uniform();
  }
}
