import { describe, expect, it } from 'vitest';
import { RandomStream } from '../fabric-sim/engine/random.js';
import { nvlinkAlphaBetaCollectives } from './collectives.js';
import { makeDeployment, type DeploymentInput } from './deployment.js';
import { DEFAULT_EFFICIENCY } from './efficiency.js';
import { getGpu } from './gpu-catalog.js';
import { getModel } from './model-catalog.js';
import { stepCost } from './step-cost.js';
import { StepTimer } from './step-timer.js';

const h100 = getGpu('h100-sxm');
const h200 = getGpu('h200-sxm');

const cases: [string, DeploymentInput][] = [
  ['llama-3-8b tp1 bf16', { model: getModel('llama-3-8b'), gpu: h100 }],
  ['llama-3-70b tp4 fp8', { model: getModel('llama-3-70b'), gpu: h100, tp: 4, weightPrecision: 'fp8', kvCachePrecision: 'fp8' }],
  ['qwen2.5-7b tp2 int4', { model: getModel('qwen2.5-7b'), gpu: h100, tp: 2, weightPrecision: 'int4' }],
  ['mixtral tp2', { model: getModel('mixtral-8x7b'), gpu: h100, tp: 2 }],
  ['mixtral ep4', { model: getModel('mixtral-8x7b'), gpu: h100, tp: 4, ep: 4 }],
  ['deepseek-v3 ep8 fp8 (MLA)', { model: getModel('deepseek-v3'), gpu: h200, tp: 8, ep: 8, weightPrecision: 'fp8' }],
  ['llama-3-70b pp2 (falls back)', { model: getModel('llama-3-70b'), gpu: h100, tp: 4, pp: 2 }],
];

/** Host-launch-bound engine: 0.3 ms a layer makes small steps host-bound, large ones GPU-bound. */
const eager = { ...DEFAULT_EFFICIENCY, hostLaunchNsPerLayer: 300_000 };

describe('StepTimer', () => {
  it.each(cases.flatMap(([name, input]) => [[name, input, DEFAULT_EFFICIENCY], [`${name}, host-bound engine`, input, eager]] as const))('%s: equals stepCost on random mixed batches', (_name, input, efficiency) => {
    const d = makeDeployment(input);
    const options = { collectives: nvlinkAlphaBetaCollectives(d.gpu), efficiency };
    const timer = new StepTimer(d, options);
    const rng = RandomStream.derive(7, 'step-timer');
    for (let trial = 0; trial < 50; trial++) {
      const n = rng.integer(1, 40);
      const fresh = new Float64Array(n);
      const cached = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        fresh[i] = rng.bernoulli(0.8) ? 1 : rng.integer(2, 3000);
        cached[i] = rng.integer(0, 8000);
      }
      const batch = Array.from(fresh, (f, i) => ({ newTokens: f, cachedTokens: cached[i]! }));
      const expected = stepCost(d, batch, options).timeNs;
      expect(Math.abs(timer.timeNs(fresh, cached, n) / expected - 1)).toBeLessThan(1e-12);
    }
  });
});
