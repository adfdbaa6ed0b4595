/** Weights of the resource dimensions in the resource-based scores. */
export interface ResourceWeights {
  readonly cpu: number;
  readonly memory: number;
  readonly gpu: number;
}

export const DEFAULT_RESOURCE_WEIGHTS: ResourceWeights = { cpu: 1, memory: 1, gpu: 1 };

/** @throws RangeError quoting the first weight that is negative or not finite, or when all are 0. */
export function checkResourceWeights(plugin: string, weights: ResourceWeights): ResourceWeights {
  for (const key of ['cpu', 'memory', 'gpu'] as const) {
    if (!Number.isFinite(weights[key]) || weights[key] < 0) {
      throw new RangeError(`${plugin}: resource weight ${key} must be finite and >= 0, got ${weights[key]}`);
    }
  }
  if (weights.cpu + weights.memory + weights.gpu <= 0) throw new RangeError(`${plugin}: resource weights must not all be 0`);
  return weights;
}
