import { RandomStream } from '../../fabric-sim/engine/random.js';
import type { NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { podSpec } from '../../scheduler/workload/pod.js';
import { readOpenbNodes, readOpenbPods } from '../openb/openb.js';
import { samplePath } from '../samples/locate.js';
import type { TimedPod } from './pod-timeline.js';

export interface OpenbDemo {
  nodes: NodeSpec[];
  pods: TimedPod[];
  /** GPUs the drawn pods request in total, over the cluster's GPUs. */
  requestedShare: number;
}

export interface OpenbDemoOptions {
  /** Keep every `scale`-th GPU node of the real node list (default 16). */
  scale?: number;
  /** Requested GPUs to draw, as a share of the kept GPUs (default 1.2: past saturation). */
  requestedShare?: number;
  /** Simulated time between pod arrivals (default 1 s). */
  interArrivalNs?: number;
  seed?: number;
}

/**
 * The FGD paper's inflation experiment (Weng et al., USENIX ATC'23, section 6) as a timeline:
 * a scaled-down Alibaba openb cluster (every `scale`-th GPU node of the real node list) receives
 * pods drawn at random (seeded) from the real pod list, one per `interArrivalNs`, none leaving,
 * until the requested GPUs reach `requestedShare` of the cluster's. The grid fills up, and
 * fragmentation and pending pods show where the policy runs out.
 */
export async function loadOpenbDemo(options: OpenbDemoOptions = {}): Promise<OpenbDemo> {
  const scale = options.scale ?? 16;
  const requestedShare = options.requestedShare ?? 1.2;
  const interArrivalNs = options.interArrivalNs ?? 1e9;
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a positive integer, got ${scale}`);
  if (!(requestedShare > 0 && requestedShare <= 10)) throw new RangeError(`requestedShare must be in (0, 10], got ${requestedShare}`);
  const allNodes = await readOpenbNodes(samplePath('openb/openb_node_list_all_node.csv.gz'));
  const tracePods = (await readOpenbPods(samplePath('openb/openb_pod_list_default.csv.gz'))).map((p) => p.spec);
  const nodes = allNodes.filter((n) => n.gpuCount > 0).filter((_, i) => i % scale === 0);
  const capacityMilli = nodes.reduce((sum, n) => sum + n.gpuCount * 1000, 0);
  const stream = RandomStream.derive(options.seed ?? 1, 'traces/openb-demo/draw');
  const pods: TimedPod[] = [];
  let requestedMilli = 0;
  while (requestedMilli < requestedShare * capacityMilli) {
    const drawn = tracePods[stream.integer(0, tracePods.length - 1)]!;
    const index = pods.length;
    pods.push({ spec: podSpec({ ...drawn, name: `${drawn.name}-${index}` }), arrivalNs: index * interArrivalNs, runtimeNs: Infinity });
    requestedMilli += drawn.gpuCount * drawn.gpuMilli;
  }
  return { nodes, pods, requestedShare: requestedMilli / capacityMilli };
}
