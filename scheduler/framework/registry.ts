import { z } from 'zod';
import type { ClusterState } from '../cluster/cluster-state.js';
import type { TargetWorkload } from '../fgd/target-workload.js';
import { AllocationScore } from '../plugins/allocation-score.js';
import { BestFit } from '../plugins/best-fit.js';
import { Coscheduling } from '../plugins/coscheduling.js';
import { DefaultBinder } from '../plugins/default-binder.js';
import { DefaultPreemption } from '../plugins/default-preemption.js';
import { DotProduct } from '../plugins/dot-product.js';
import { FragmentationGradient } from '../plugins/fgd.js';
import { GpuType } from '../plugins/gpu-type.js';
import { NodeAffinityPlugin } from '../plugins/node-affinity.js';
import { NodeUnschedulable } from '../plugins/node-unschedulable.js';
import { PrioritySort } from '../plugins/priority-sort.js';
import { RandomScore } from '../plugins/random-score.js';
import { ReplicaSpread } from '../plugins/replica-spread.js';
import { ResourceFit } from '../plugins/resource-fit.js';
import { TaintToleration } from '../plugins/taint-toleration.js';
import { TopologyLocality } from '../plugins/topology-locality.js';
import type { GangDirectory } from './gangs.js';
import type { Plugin } from './plugin.js';

/** What plugin factories may use besides their own arguments. */
export interface PluginServices {
  readonly cluster: ClusterState;
  readonly gangs: GangDirectory;
  /** Target workload for FGD; FGD refuses to start without one. */
  readonly workload?: TargetWorkload;
  /** Seed for plugins that draw random numbers. */
  readonly seed: number;
}

interface PluginEntry {
  /** Schema of the plugin's `args` in a profile (an empty object when it takes none). */
  readonly args: z.ZodType;
  readonly create: (args: never, services: PluginServices) => Plugin;
}

const noArgs = z.object({}).strict();
const resourceWeights = z.object({ cpu: z.number().min(0), memory: z.number().min(0), gpu: z.number().min(0) }).strict();
const weightsArgs = z.object({ resources: resourceWeights.optional() }).strict();
type WeightsArgs = z.output<typeof weightsArgs>;
const preemptionArgs = z
  .object({
    acrossQueues: z.boolean().optional(),
    minRuntimeNs: z.number().min(0).optional(),
  })
  .strict();

function entry<S extends z.ZodType>(args: S, create: (args: z.output<S>, services: PluginServices) => Plugin): PluginEntry {
  return { args, create: create };
}

/**
 * Every plugin a profile may name, with its argument schema. Names follow kube-scheduler where
 * a kube-scheduler plugin does the same thing.
 */
export const PLUGINS: Readonly<Record<string, PluginEntry>> = {
  PrioritySort: entry(noArgs, () => new PrioritySort()),
  NodeUnschedulable: entry(noArgs, () => new NodeUnschedulable()),
  GpuType: entry(noArgs, () => new GpuType()),
  ResourceFit: entry(noArgs, () => new ResourceFit()),
  TaintToleration: entry(noArgs, () => new TaintToleration()),
  NodeAffinity: entry(noArgs, () => new NodeAffinityPlugin()),
  MostAllocated: entry(weightsArgs, (a: WeightsArgs) => new AllocationScore('most', a.resources)),
  LeastAllocated: entry(weightsArgs, (a: WeightsArgs) => new AllocationScore('least', a.resources)),
  BestFit: entry(weightsArgs, (a: WeightsArgs, s) => new BestFit(s.cluster, a.resources)),
  DotProduct: entry(weightsArgs, (a: WeightsArgs) => new DotProduct(a.resources)),
  Random: entry(noArgs, (_a, s) => new RandomScore(s.seed)),
  FGD: entry(noArgs, (_a, s) => {
    if (s.workload === undefined) throw new RangeError('plugin FGD needs a target workload, got none');
    return new FragmentationGradient(s.workload);
  }),
  TopologyLocality: entry(noArgs, (_a, s) => new TopologyLocality(s.gangs)),
  ReplicaSpread: entry(noArgs, () => new ReplicaSpread()),
  Coscheduling: entry(noArgs, (_a, s) => new Coscheduling(s.gangs)),
  DefaultPreemption: entry(preemptionArgs, (a: z.output<typeof preemptionArgs>, s) => new DefaultPreemption({ ...a, gangs: s.gangs })),
  DefaultBinder: entry(noArgs, () => new DefaultBinder()),
};
