import { badInput } from '../../core/errors.js';
import { nodeSpec, type NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { podSpec, type PodSpec } from '../../scheduler/workload/pod.js';
import { csvRows, intField } from './csv-lines.js';

/**
 * Minimal readers for the Alibaba openb files (cluster-trace-gpu-v2023, used by the FGD paper):
 * the node list (`sn,cpu_milli,memory_mib,gpu,model`) and the pod list
 * (`name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time`).
 * Plain or gzip-compressed; every malformed row is a `BAD_INPUT` error with file and line.
 */

/** A pod of the openb pod list, with the scheduler's `PodSpec` and the trace-only fields. */
export interface OpenbPod {
  readonly spec: PodSpec;
  readonly qos: string;
  readonly phase: string;
  /** Seconds from the trace start. */
  readonly creationTime: number;
  readonly deletionTime: number;
  readonly scheduledTime: number;
}

const NODE_COLUMNS = ['sn', 'cpu_milli', 'memory_mib', 'gpu', 'model'] as const;
const POD_COLUMNS = ['name', 'cpu_milli', 'memory_mib', 'num_gpu', 'gpu_milli', 'gpu_spec', 'creation_time'] as const;

/**
 * The nodes of an openb node list. The file carries no topology, so every node gets its own
 * NVLink domain and leaf (its index) and one spine group.
 *
 * @example
 * const nodes = await readOpenbNodes('traces/samples/openb/openb_node_list_all_node.csv.gz');
 */
export async function readOpenbNodes(path: string): Promise<NodeSpec[]> {
  const nodes: NodeSpec[] = [];
  for await (const row of csvRows(path, NODE_COLUMNS)) {
    const gpuCount = intField(path, row, 'gpu');
    const model = row.fields.get('model') ?? '';
    if (gpuCount > 0 && model === '') {
      throw badInput('a GPU node needs a model', { file: path, line: row.line, field: 'model', value: model, expected: 'a GPU model name' });
    }
    try {
      nodes.push(nodeSpec({
        name: row.fields.get('sn') ?? '',
        cpuMilli: intField(path, row, 'cpu_milli'),
        memoryMiB: intField(path, row, 'memory_mib'),
        gpuCount,
        gpuType: model,
        nvlinkDomain: nodes.length,
        leaf: nodes.length,
      }));
    } catch (cause) {
      if (cause instanceof RangeError) throw badInput(cause.message, { file: path, line: row.line, cause });
      throw cause;
    }
  }
  return nodes;
}

/**
 * The pods of an openb pod list, in file order. `num_gpu` GPUs of `gpu_milli` each; a
 * `gpu_spec` naming several models (`A|B`) is not supported yet and is reported as bad input.
 */
export async function readOpenbPods(path: string): Promise<OpenbPod[]> {
  const pods: OpenbPod[] = [];
  for await (const row of csvRows(path, POD_COLUMNS)) {
    const gpuSpec = row.fields.get('gpu_spec') ?? '';
    if (gpuSpec.includes('|')) {
      throw badInput('pods accepting several GPU models are not supported yet', { file: path, line: row.line, field: 'gpu_spec', value: gpuSpec, expected: 'one GPU model or empty' });
    }
    const optionalTime = (column: string): number => (row.fields.get(column) ?? '') === '' ? 0 : intField(path, row, column);
    try {
      pods.push({
        spec: podSpec({
          name: row.fields.get('name') ?? '',
          cpuMilli: intField(path, row, 'cpu_milli'),
          memoryMiB: intField(path, row, 'memory_mib'),
          gpuCount: intField(path, row, 'num_gpu'),
          gpuMilli: intField(path, row, 'gpu_milli'),
          gpuType: gpuSpec === '' ? undefined : gpuSpec,
        }),
        qos: row.fields.get('qos') ?? '',
        phase: row.fields.get('pod_phase') ?? '',
        creationTime: intField(path, row, 'creation_time'),
        deletionTime: optionalTime('deletion_time'),
        scheduledTime: optionalTime('scheduled_time'),
      });
    } catch (cause) {
      if (cause instanceof RangeError) throw badInput(cause.message, { file: path, line: row.line, cause });
      throw cause;
    }
  }
  return pods;
}
