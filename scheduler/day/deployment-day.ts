import { simulateServing, type ServingResult } from '../../fabric-sim/serving/index.js';
import type { InferenceRequest } from '../../fabric-sim/workload/inference-request.js';
import { badInput } from '../../core/errors.js';
import { efficiencyFor, getGpu, getModel, makeDeployment, nvlinkAlphaBetaCollectives, type Deployment } from '../../gpu-model/index.js';
import type { ClusterState } from '../cluster/cluster-state.js';
import { modelLoadTimeNs } from '../elastic/model-load.js';
import { PoolController, type PoolBorrower, type TimedLendingAction } from '../elastic/pool-controller.js';
import { KpaPolicy } from '../elastic/kpa-policy.js';
import { SloPolicy } from '../elastic/slo-policy.js';
import { loadProfile } from '../planner/load-profile.js';
import { placeReplicasOn, type ReplicaPlacement } from '../planner/place.js';
import { planDeployment, type Candidate } from '../planner/plan.js';
import { ReplicaModel } from '../planner/replica-model.js';
import { formatSlo } from '../planner/slo.js';
import { checkSlo, type SloReport } from '../slo/slo-check.js';
import type { DayDeployment, DayProgress } from './day-input.js';
import { diurnalMeanRate, diurnalRequests, diurnalTroughRate } from './diurnal-load.js';

/**
 * How a deployment is provisioned over the day: a fixed replica count for the peak or the mean
 * rate, the SLO-driven autoscaler without or with lending its idle GPUs to the fine-tuning job,
 * or the Knative-style autoscaler (concurrency target) without lending.
 */
export type DayPolicy = 'static-peak' | 'static-average' | 'elastic' | 'elastic-lending' | 'kpa';

export const DAY_POLICY_NAMES: readonly DayPolicy[] = ['static-peak', 'static-average', 'elastic', 'elastic-lending', 'kpa'];

/** One policy's day. */
export interface PolicyDay {
  readonly policy: DayPolicy;
  readonly report: SloReport;
  /** GPU-time provisioned to replicas (ready, starting, or draining with requests), ns. */
  readonly provisionedGpuNs: number;
  /** GPU-time replicas spent running batch steps, ns. */
  readonly busyGpuNs: number;
  /** Most replicas at once. */
  readonly maxReplicas: number;
  readonly result: ServingResult;
  /** Lends and reclaims (elastic-lending only). */
  readonly lending: readonly TimedLendingAction[];
}

/** A deployment planned, placed and simulated over the day. */
export interface DeploymentDay {
  readonly spec: DayDeployment;
  /** The planner's choice for the peak rate. */
  readonly plan: Candidate;
  /** Replicas the static-average plan gets (the planner at the day's mean rate). */
  readonly averageReplicas: number;
  /** Replicas the SLO needs at the night trough. */
  readonly troughReplicas: number;
  /** The peak replicas' slots on the cluster: the GPUs the deployment owns. */
  readonly placement: readonly ReplicaPlacement[];
  readonly ownedGpus: number;
  readonly modelLoadNs: number;
  readonly requests: number;
  readonly policies: readonly PolicyDay[];
}

/** Settings shared by every deployment of the day. */
export interface DeploymentDaySettings {
  readonly cluster: ClusterState;
  /** The cluster's GPU type name (as its ClusterSpec spells it) and its catalog key. */
  readonly gpuType: string;
  readonly gpuKey: string;
  readonly dayNs: number;
  readonly controlPeriodNs: number;
  readonly reclaimGraceNs: number;
  readonly storageBytesPerSec: number;
  readonly warmupNs: number;
  readonly scaleDownDelayNs: number;
  readonly sloWindowNs: number;
  readonly seed: number;
  readonly policies: readonly DayPolicy[];
  readonly borrower: PoolBorrower | undefined;
  readonly minLendGpus: number;
  readonly onProgress?: DayProgress;
}

/** Plans a deployment for its peak rate with the one-click planner; throws the nearest misses when nothing meets the SLO. */
function planForPeak(spec: DayDeployment, gpuKey: string): { plan: Candidate; replicasAt: (rate: number) => number } {
  const planAt = (rate: number, only?: Candidate) =>
    planDeployment({
      model: spec.model,
      slo: spec.slo,
      load: loadProfile(rate, spec.samples),
      gpus: [only?.gpu ?? gpuKey],
      ...(only === undefined ? {} : { tensorParallel: [only.tp], precisions: [only.precision] }),
    });
  const peak = planAt(spec.peakRequestsPerSec);
  if (peak.chosen === undefined) {
    const nearest = peak.nearest[0];
    throw badInput(`no configuration of ${spec.model} on ${gpuKey} meets the SLO at the peak rate`, {
      field: `deployments.${spec.name}`,
      value: `${formatSlo(spec.slo)} at ${spec.peakRequestsPerSec} req/s`,
      expected: nearest === undefined ? 'a model that fits the GPU' : `a reachable SLO (nearest: ${nearest.gpu} tp${nearest.tp} ${nearest.precision} x${nearest.replicas}: ${nearest.misses.join('; ')})`,
    });
  }
  const plan = peak.chosen;
  return { plan, replicasAt: (rate) => planAt(rate, plan).chosen?.replicas ?? plan.replicas };
}

/** Reports progress every 2,000 requests while the simulation consumes the stream. */
function* withProgress(requests: readonly InferenceRequest[], report: (done: number) => void): Generator<InferenceRequest> {
  for (let i = 0; i < requests.length; i++) {
    if (i % 2000 === 0) report(i);
    yield requests[i]!;
  }
  report(requests.length);
}

/** A deployment planned for its peak and placed, with its day of requests: ready to simulate under any policy. */
export interface PlannedDeployment {
  readonly spec: DayDeployment;
  readonly plan: Candidate;
  readonly deployment: Deployment;
  readonly averageReplicas: number;
  readonly troughReplicas: number;
  /** The peak replicas' slots on the cluster: the GPUs the deployment owns. */
  readonly placement: readonly ReplicaPlacement[];
  readonly modelLoadNs: number;
  readonly requests: readonly InferenceRequest[];
}

/** How a policy starts the day: its replica count, and the controller that scales it (none for a static policy). */
export function policyStart(policy: DayPolicy, day: PlannedDeployment, s: DeploymentDaySettings): { replicas: number; controller: PoolController | undefined } {
  const { plan, deployment } = day;
  const gpusPerReplica = plan.tp;
  let controller: PoolController | undefined;
  let replicas = plan.replicas;
  if (policy === 'static-average') replicas = day.averageReplicas;
  if (policy === 'elastic' || policy === 'elastic-lending' || policy === 'kpa') {
    const replicaModel = new ReplicaModel(deployment, nvlinkAlphaBetaCollectives(deployment.gpu), efficiencyFor(deployment.gpu.name));
    const lengths = loadProfile(1, day.spec.samples);
    const bounds = { minReplicas: day.troughReplicas, maxReplicas: plan.replicas };
    // Knative's target: the concurrency a replica carries at the peak plan's per-replica rate
    // (requests decoding plus those waiting for their first token, by Little's law).
    const perReplica = day.spec.peakRequestsPerSec / plan.replicas;
    const atPeak = replicaModel.predict(perReplica, lengths);
    const scaler =
      policy === 'kpa'
        ? new KpaPolicy({ ...bounds, metric: 'concurrency', targetPerReplica: atPeak.runningRequests + (perReplica * atPeak.ttftMeanNs) / 1e9, scaleDownDelayNs: s.scaleDownDelayNs })
        : new SloPolicy({ ...bounds, slo: day.spec.slo, predict: (rate) => replicaModel.predict(rate, lengths), scaleDownDelayNs: s.scaleDownDelayNs, burstWindowNs: 4 * s.controlPeriodNs });
    controller = new PoolController({
      policy: scaler,
      periodNs: s.controlPeriodNs,
      modelLoadNs: day.modelLoadNs,
      gpusPerReplica,
      ownedGpus: plan.replicas * gpusPerReplica,
      reclaimGraceNs: s.reclaimGraceNs,
      ...(policy === 'elastic-lending' && s.borrower !== undefined
        ? {
            borrower: s.borrower,
            // One replica's GPUs stay unlent for the next step of a ramp; lends come in batches.
            reserveGpus: gpusPerReplica,
            minLendGpus: s.minLendGpus,
          }
        : {}),
    });
    replicas = day.troughReplicas;
  }
  return { replicas, controller };
}

/** Simulates one policy's day. */
async function simulatePolicy(policy: DayPolicy, day: PlannedDeployment, s: DeploymentDaySettings): Promise<PolicyDay> {
  const { replicas, controller } = policyStart(policy, day, s);
  const { deployment } = day;
  const gpusPerReplica = day.plan.tp;
  const stage = `${day.spec.name}: ${policy}`;
  const stream = withProgress(day.requests, (done) => s.onProgress?.(stage, done, day.requests.length));
  const result = await simulateServing(stream, { deployment, replicas }, { seed: s.seed, ...(controller === undefined ? {} : { controller }) });
  const report = checkSlo(result.records, day.spec.slo, { windowNs: s.sloWindowNs, ...(controller === undefined ? {} : { control: controller.control }) });
  const busyNs = result.replicas.reduce((sum, r) => sum + r.busyNs, 0);
  const maxReplicas = controller === undefined ? replicas : Math.max(...result.replicaTimeline.map((t) => t.ready + t.starting + t.draining));
  return {
    policy,
    report,
    provisionedGpuNs: result.provisionedReplicaNs * gpusPerReplica,
    busyGpuNs: busyNs * gpusPerReplica,
    maxReplicas,
    result,
    lending: controller?.actions ?? [],
  };
}

/**
 * Sizes a deployment for its peak with the one-click planner (the cheapest configuration meeting
 * the SLO with headroom), places the peak replicas with the scheduler (the GPUs the deployment
 * owns) and draws its day of requests.
 */
export function planDeploymentDay(spec: DayDeployment, s: DeploymentDaySettings): PlannedDeployment {
  const { plan, replicasAt } = planForPeak(spec, s.gpuKey);
  const load = { peakRequestsPerSec: spec.peakRequestsPerSec, dayNs: s.dayNs };
  const averageReplicas = replicasAt(diurnalMeanRate(load));
  const troughReplicas = replicasAt(diurnalTroughRate(load));
  const placement = placeReplicasOn(s.cluster, { name: spec.name, replicas: plan.replicas, gpusPerReplica: plan.tp, gpuType: s.gpuType });
  if (placement.unplaced.length > 0) {
    throw badInput(`${spec.name} does not fit the cluster`, {
      field: `deployments.${spec.name}`,
      value: `${plan.replicas} x ${plan.tp} GPUs`,
      expected: `room on the cluster (${placement.unplaced.length} replicas unplaced: ${placement.unplaced[0]!.reason})`,
    });
  }
  const model = getModel(spec.model, `deployments.${spec.name}.model`);
  const deployment = makeDeployment({ model, gpu: getGpu(plan.gpu), tp: plan.tp, weightPrecision: plan.precision });
  const modelLoadNs = modelLoadTimeNs(model, plan.precision, { storageBytesPerSec: s.storageBytesPerSec, warmupNs: s.warmupNs });
  const requests = diurnalRequests(load, spec.samples, s.seed, spec.name);
  return { spec, plan, deployment, averageReplicas, troughReplicas, placement: placement.placed, modelLoadNs, requests };
}

/** One deployment's day: planned and placed, then its requests run through each provisioning policy. */
export async function runDeploymentDay(planned: PlannedDeployment, s: DeploymentDaySettings): Promise<DeploymentDay> {
  const policies: PolicyDay[] = [];
  for (const policy of s.policies) policies.push(await simulatePolicy(policy, planned, s));
  const { spec, plan, averageReplicas, troughReplicas, placement, modelLoadNs, requests } = planned;
  return { spec, plan, averageReplicas, troughReplicas, placement, ownedGpus: plan.replicas * plan.tp, modelLoadNs, requests: requests.length, policies };
}
