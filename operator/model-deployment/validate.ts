import { modelNames } from '../../gpu-model/index.js';
import { parseDurationNs } from '../duration.js';
import type { ModelDeployment } from '../kube/objects.js';
import { cpuMilli, memoryMiB } from '../quantity.js';
import type { PodDemand } from '../placement.js';

/** A ModelDeployment the operator can act on: its size and per-replica demand. */
export interface ValidModelDeployment {
  kind: 'valid';
  replicas: number;
  demand: PodDemand;
  /** SLO targets in nanoseconds (for the SLOMet condition, later). */
  sloNs: { ttftP99?: number; tpotP99?: number; e2eP99?: number };
}

/** Why it cannot be acted on: a condition reason and a one-line message naming the field. */
export interface InvalidModelDeployment {
  kind: 'invalid' | 'needs-planner';
  reason: string;
  message: string;
}

/**
 * Checks what the CRD schema cannot: the model is in Weft's catalog, SLO targets are positive
 * durations, resource quantities parse, minReplicas <= replicas <= maxReplicas. A deployment
 * without an explicit size needs the one-click planner, which does not exist yet: it gets
 * `needs-planner`, never invented numbers.
 *
 * @example
 * const v = validateModelDeployment(md);
 * if (v.kind !== 'valid') setCondition(..., { type: 'Planned', status: 'False', reason: v.reason, message: v.message });
 */
export function validateModelDeployment(md: ModelDeployment): ValidModelDeployment | InvalidModelDeployment {
  const spec = md.spec;
  const models = modelNames();
  if (!models.includes(spec.model)) {
    return invalid('UnknownModel', `spec.model: unknown model ${JSON.stringify(spec.model)} (expected one of: ${models.join(', ')})`);
  }
  const sloNs: ValidModelDeployment['sloNs'] = {};
  for (const key of ['ttftP99', 'tpotP99', 'e2eP99'] as const) {
    const text = spec.slo?.[key];
    if (text === undefined) continue;
    const ns = parseDurationNs(text);
    if (ns === undefined || !(ns > 0)) {
      return invalid('InvalidSLO', `spec.slo.${key}: ${JSON.stringify(text)} is not a positive duration (expected a number with a unit: ns, us, ms, s, m or h, for example 300ms)`);
    }
    sloNs[key] = ns;
  }
  if (sloNs.ttftP99 !== undefined && sloNs.e2eP99 !== undefined && sloNs.e2eP99 < sloNs.ttftP99) {
    return invalid('InvalidSLO', `spec.slo.e2eP99: ${JSON.stringify(spec.slo?.e2eP99)} is shorter than ttftP99 ${JSON.stringify(spec.slo?.ttftP99)} (expected e2eP99 >= ttftP99: the first token is part of the request)`);
  }
  const { minReplicas, maxReplicas } = spec;
  if (minReplicas !== undefined && maxReplicas !== undefined && minReplicas > maxReplicas) {
    return invalid('InvalidReplicas', `spec.minReplicas: ${minReplicas} is above spec.maxReplicas ${maxReplicas} (expected minReplicas <= maxReplicas)`);
  }
  if (spec.replicas === undefined || spec.gpusPerReplica === undefined) {
    const missing = [spec.replicas === undefined ? 'spec.replicas' : '', spec.gpusPerReplica === undefined ? 'spec.gpusPerReplica' : ''].filter((s) => s !== '').join(' and ');
    return {
      kind: 'needs-planner',
      reason: 'PlannerUnavailable',
      message: `${missing} not given and the one-click planner (issue 7) is not available yet: set replicas and gpusPerReplica explicitly`,
    };
  }
  if (minReplicas !== undefined && spec.replicas < minReplicas) {
    return invalid('InvalidReplicas', `spec.replicas: ${spec.replicas} is below spec.minReplicas ${minReplicas} (expected minReplicas <= replicas)`);
  }
  if (maxReplicas !== undefined && spec.replicas > maxReplicas) {
    return invalid('InvalidReplicas', `spec.replicas: ${spec.replicas} is above spec.maxReplicas ${maxReplicas} (expected replicas <= maxReplicas)`);
  }
  const requests = spec.template.resources?.requests ?? {};
  let demand: PodDemand;
  try {
    demand = {
      gpus: spec.gpusPerReplica,
      cpuMilli: cpuMilli(requests.cpu, 'spec.template.resources.requests.cpu'),
      memoryMiB: memoryMiB(requests.memory, 'spec.template.resources.requests.memory'),
      ...(spec.gpuType === undefined || spec.gpuType === '' ? {} : { gpuType: spec.gpuType }),
      priority: spec.priority ?? 0,
    };
  } catch (error) {
    return invalid('InvalidResources', error instanceof Error ? error.message : String(error));
  }
  return { kind: 'valid', replicas: spec.replicas, demand, sloNs };
}

function invalid(reason: string, message: string): InvalidModelDeployment {
  return { kind: 'invalid', reason, message };
}
