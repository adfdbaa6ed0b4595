import { parseDurationNs } from '../duration.js';
import type { AutoscalingSpec, ModelDeployment } from '../kube/objects.js';
import type { PodDemand } from '../placement.js';
import { invalid, podDemandOf, unknownModel, type InvalidSpec } from '../validate-spec.js';

/** What the CRD's `autoscaling` asks for, checked. */
export interface ValidAutoscaling {
  policy: 'slo' | 'kpa' | 'none';
  targetConcurrency?: number;
  windowNs: number;
  scaleDownDelayNs?: number;
}

/**
 * A ModelDeployment the operator can act on. `replicas` and `gpusPerReplica` are what the spec
 * gives; what it leaves out the one-click planner fills in (`plan.ts`), from `load`.
 */
export interface ValidModelDeployment {
  kind: 'valid';
  replicas?: number;
  gpusPerReplica?: number;
  minReplicas: number;
  maxReplicas?: number;
  /** Per-replica demand without the GPUs (those come from gpusPerReplica or the plan). */
  demand: Omit<PodDemand, 'gpus'>;
  /** SLO targets in nanoseconds. */
  sloNs: { ttftP99?: number; tpotP99?: number; e2eP99?: number };
  load?: { qps: number; promptTokens?: number; outputTokens?: number };
  /** Elastic between minReplicas and maxReplicas when maxReplicas is set and the policy is not `none`. */
  autoscaling: ValidAutoscaling | undefined;
}

/** Why it cannot be acted on (see `InvalidSpec`). */
export type InvalidModelDeployment = InvalidSpec;

/**
 * Checks what the CRD schema cannot: the model is in Weft's catalog, SLO targets are positive
 * durations, resource quantities parse, minReplicas <= replicas <= maxReplicas, and a
 * deployment without an explicit size has the expected load the planner needs.
 *
 * @example
 * const v = validateModelDeployment(md);
 * if (v.kind !== 'valid') setCondition(..., { type: 'Planned', status: 'False', reason: v.reason, message: v.message });
 */
export function validateModelDeployment(md: ModelDeployment): ValidModelDeployment | InvalidModelDeployment {
  const spec = md.spec;
  const unknown = unknownModel('spec.model', spec.model);
  if (unknown !== undefined) return unknown;
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
  if (spec.replicas !== undefined && minReplicas !== undefined && spec.replicas < minReplicas) {
    return invalid('InvalidReplicas', `spec.replicas: ${spec.replicas} is below spec.minReplicas ${minReplicas} (expected minReplicas <= replicas)`);
  }
  if (spec.replicas !== undefined && maxReplicas !== undefined && spec.replicas > maxReplicas) {
    return invalid('InvalidReplicas', `spec.replicas: ${spec.replicas} is above spec.maxReplicas ${maxReplicas} (expected replicas <= maxReplicas)`);
  }
  if (spec.replicas === undefined || spec.gpusPerReplica === undefined) {
    const missing = [spec.replicas === undefined ? 'spec.replicas' : '', spec.gpusPerReplica === undefined ? 'spec.gpusPerReplica' : ''].filter((s) => s !== '').join(' and ');
    if (spec.load === undefined && spec.requestTrace !== undefined) {
      return invalid('RequestTraceUnsupported', `spec.requestTrace: the operator does not read request traces yet; ${missing} must come from the planner, so give spec.load (qps, promptTokens, outputTokens) or set ${missing} explicitly`);
    }
    if (spec.load === undefined) {
      return invalid('NoLoad', `${missing} not given and no spec.load for the planner to size from (expected spec.load.qps, or explicit replicas and gpusPerReplica)`);
    }
    if (!(spec.load.qps > 0)) {
      return invalid('NoLoad', `spec.load.qps: ${spec.load.qps} is not a positive request rate (the planner sizes for it; expected > 0)`);
    }
  }
  const autoscaling = validateAutoscaling(spec.autoscaling, maxReplicas);
  if (typeof autoscaling === 'string') return invalid('InvalidAutoscaling', autoscaling);
  const demand = podDemandOf(spec);
  if ('kind' in demand) return demand;
  return {
    kind: 'valid',
    ...(spec.replicas === undefined ? {} : { replicas: spec.replicas }),
    ...(spec.gpusPerReplica === undefined ? {} : { gpusPerReplica: spec.gpusPerReplica }),
    minReplicas: minReplicas ?? 0,
    ...(maxReplicas === undefined ? {} : { maxReplicas }),
    demand,
    sloNs,
    ...(spec.load === undefined ? {} : { load: spec.load }),
    autoscaling,
  };
}

/** The elastic settings, undefined when the deployment is not elastic; a string is the error. */
function validateAutoscaling(spec: AutoscalingSpec | undefined, maxReplicas: number | undefined): ValidAutoscaling | undefined | string {
  // The schema's enum holds for objects the API server admitted; a cache fed otherwise may not.
  const policy: string = spec?.policy ?? 'slo';
  if (policy !== 'slo' && policy !== 'kpa' && policy !== 'none') return `spec.autoscaling.policy: ${JSON.stringify(policy)} (expected slo, kpa or none)`;
  const windowText = spec?.window ?? '60s';
  const windowNs = parseDurationNs(windowText);
  if (windowNs === undefined || !(windowNs > 0)) return `spec.autoscaling.window: ${JSON.stringify(windowText)} is not a positive duration (for example 60s)`;
  let scaleDownDelayNs: number | undefined;
  if (spec?.scaleDownDelay !== undefined) {
    scaleDownDelayNs = parseDurationNs(spec.scaleDownDelay);
    if (scaleDownDelayNs === undefined) return `spec.autoscaling.scaleDownDelay: ${JSON.stringify(spec.scaleDownDelay)} is not a duration (for example 120s)`;
  }
  if (policy === 'kpa' && !((spec?.targetConcurrency ?? 0) > 0)) {
    return 'spec.autoscaling.targetConcurrency: the kpa policy needs a target of requests in flight per replica > 0';
  }
  if (maxReplicas === undefined || policy === 'none') return undefined;
  return {
    policy: policy,
    ...(spec?.targetConcurrency === undefined ? {} : { targetConcurrency: spec.targetConcurrency }),
    windowNs,
    ...(scaleDownDelayNs === undefined ? {} : { scaleDownDelayNs }),
  };
}
