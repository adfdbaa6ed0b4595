import type { ClusterSpec } from '../../fabric-sim/cluster/spec.js';
import type { Fidelity } from '../../fabric-sim/network/fabric-network.js';
import { simulateScenario } from '../../fabric-sim/scenario-models.js';
import { parseScenario } from '../../fabric-sim/scenario.js';
import { collectiveTimeNs, fineTuneCollectives } from '../../gpu-model/index.js';
import { dataParallelCollectiveCost, fineTuneJobOf, type FineTuneCandidate, type FineTunePlanInput } from './finetune-plan.js';

/** One data-parallel collective of a step, timed by the model and through the fabric. */
export interface SimulatedDataParallelCollective {
  readonly kind: 'all-reduce' | 'all-gather' | 'reduce-scatter';
  readonly why: string;
  /** Bytes per group (the buffer as gpu-model defines it). */
  readonly bytes: number;
  /** Times per step. */
  readonly count: number;
  /** Concurrent groups (one per tensor x pipeline position), each of `ranks` GPUs. */
  readonly groups: number;
  readonly ranks: number;
  /** The planner's alpha-beta time of one. */
  readonly modelNs: number;
  /** The slowest group's completion through the fabric, all groups running at once. */
  readonly simulatedNs: number;
}

/** A step's data-parallel collectives at a chosen fidelity, and what that does to the plan. */
export interface FabricStepCheck {
  readonly fidelity: Fidelity;
  readonly collectives: readonly SimulatedDataParallelCollective[];
  /** The planner's step time, and the step with the data-parallel collectives as simulated. */
  readonly modelStepNs: number;
  readonly simulatedStepNs: number;
  readonly modelCompletionNs: number;
  readonly simulatedCompletionNs: number;
  readonly meetsDeadline: boolean;
  readonly events: number;
}

/**
 * Times the chosen layout's data-parallel collectives through the cluster's fabric at
 * `fidelity` (packet: every packet through every queue; flow: max-min fair sharing; analytic:
 * alpha-beta with load bounds), on the GPUs the gang was placed on, with every data-parallel
 * group (one per tensor x pipeline position) running at once as it does in training, so the
 * groups contend for the NICs and uplinks they share. The step's other parts (compute, tensor and
 * pipeline collectives over NVLink) keep the planner's figures.
 *
 * `gpuIds` are the gang's GPUs in rank order (worker by worker, each worker's GPUs in order);
 * ranks are laid out tensor-parallel fastest, then pipeline, then data parallel, as the planner
 * assumes.
 * @example
 * checkStepOnFabric(cluster, input, plan.chosen, gpuIds, 'packet', { seed: 1 }).simulatedStepNs;
 */
export function checkStepOnFabric(
  cluster: ClusterSpec,
  input: FineTunePlanInput,
  candidate: FineTuneCandidate,
  gpuIds: readonly string[],
  fidelity: Fidelity,
  options: { seed: number; onProgress?: (simulatedNs: number, events: number) => void },
): FabricStepCheck {
  if (gpuIds.length !== candidate.gpus) throw new RangeError(`checkStepOnFabric: ${gpuIds.length} GPUs given for a ${candidate.gpus}-GPU layout`);
  const job = fineTuneJobOf(input, candidate);
  const net = dataParallelCollectiveCost(input, candidate.tp, candidate.pp);
  const groupsOf = (): string[][] => {
    const groups: string[][] = [];
    const modelParallel = candidate.tp * candidate.pp;
    for (let position = 0; position < modelParallel; position++) {
      const group: string[] = [];
      for (let d = 0; d < candidate.dp; d++) group.push(gpuIds[d * modelParallel + position]!);
      groups.push(group);
    }
    return groups;
  };
  const groups = groupsOf();
  let events = 0;
  const collectives: SimulatedDataParallelCollective[] = [];
  for (const c of fineTuneCollectives(job)) {
    if (c.group !== 'dp' || c.kind === 'send-recv') continue;
    const bytes = Math.max(1, Math.round(c.bytes));
    let simulatedNs = 0;
    if (candidate.dp > 1) {
      const scenario = parseScenario({
        name: `data-parallel ${c.kind}`,
        cluster,
        traffic: groups.map((ranks) => ({ kind: c.kind, ranks, bytes })),
        fidelity,
      });
      const result = simulateScenario(scenario, { seed: options.seed, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
      events += result.events;
      simulatedNs = Math.max(...result.collectives.map((x) => x.timeNs ?? Number.POSITIVE_INFINITY));
    }
    collectives.push({ kind: c.kind, why: c.why, bytes, count: c.count, groups: groups.length, ranks: candidate.dp, modelNs: collectiveTimeNs(c, net), simulatedNs });
  }
  const deltaNs = collectives.reduce((sum, c) => sum + c.count * (c.simulatedNs - c.modelNs), 0);
  const simulatedStepNs = candidate.stepTimeNs + deltaNs;
  const simulatedCompletionNs = candidate.completionNs + candidate.steps * deltaNs;
  return {
    fidelity,
    collectives,
    modelStepNs: candidate.stepTimeNs,
    simulatedStepNs,
    modelCompletionNs: candidate.completionNs,
    simulatedCompletionNs,
    meetsDeadline: simulatedCompletionNs <= input.deadlineNs,
    events,
  };
}
