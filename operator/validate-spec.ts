import { modelNames } from '../gpu-model/index.js';
import type { PodDemand } from './placement.js';
import { cpuMilli, memoryMiB } from './quantity.js';

/** Why a CR cannot be acted on: a condition reason and a one-line message naming the field. */
export interface InvalidSpec {
  kind: 'invalid';
  reason: string;
  message: string;
}

export function invalid(reason: string, message: string): InvalidSpec {
  return { kind: 'invalid', reason, message };
}

/** `UnknownModel` naming `field` and the catalog, or undefined when `name` is in Weft's model catalog. */
export function unknownModel(field: string, name: string): InvalidSpec | undefined {
  const models = modelNames();
  if (models.includes(name)) return undefined;
  return invalid('UnknownModel', `${field}: unknown model ${JSON.stringify(name)} (expected one of: ${models.join(', ')})`);
}

/** What a CR's pod template and scheduling fields ask of a node per pod (GPUs aside), or `InvalidResources` naming the quantity. */
export function podDemandOf(spec: {
  template: { resources?: { requests?: { cpu?: string; memory?: string } } };
  gpuType?: string;
  priority?: number;
}): Omit<PodDemand, 'gpus'> | InvalidSpec {
  const requests = spec.template.resources?.requests ?? {};
  try {
    return {
      cpuMilli: cpuMilli(requests.cpu, 'spec.template.resources.requests.cpu'),
      memoryMiB: memoryMiB(requests.memory, 'spec.template.resources.requests.memory'),
      ...(spec.gpuType === undefined || spec.gpuType === '' ? {} : { gpuType: spec.gpuType }),
      priority: spec.priority ?? 0,
    };
  } catch (error) {
    return invalid('InvalidResources', error instanceof Error ? error.message : String(error));
  }
}
