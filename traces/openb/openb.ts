import { badInput } from '../../core/errors.js';
import { nodeSpec, type NodeSpec } from '../../scheduler/cluster/node-spec.js';
import { podSpec, type PodSpec } from '../../scheduler/workload/pod.js';
import type { CsvRow } from '../read/csv.js';
import { readCsvRecords } from '../read/csv-records.js';
import { FieldError, ReadSummary } from '../read/read-summary.js';

/**
 * Readers for the Alibaba openb files (cluster-trace-gpu-v2023, used by the FGD paper): the
 * node list (`sn,cpu_milli,memory_mib,gpu,model`) and the pod list
 * (`name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time`),
 * streamed through the shared CSV reader (`traces/read/`), plain or gzip-compressed. The
 * scheduler needs every node and pod, so a malformed row is a `BAD_INPUT` error naming the
 * file, line, field, bad value and what was expected, never a silent skip.
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
  const parse = (row: CsvRow, line: number): NodeSpec => {
    checkWidth(row);
    const gpuCount = count(row, 'gpu');
    const model = row.string('model');
    if (gpuCount > 0 && model === '') throw new FieldError('model', model, 'a GPU model name (the node has GPUs)');
    return scheduled(path, line, () =>
      nodeSpec({
        name: row.string('sn'),
        cpuMilli: count(row, 'cpu_milli'),
        memoryMiB: count(row, 'memory_mib'),
        gpuCount,
        gpuType: model,
        nvlinkDomain: nodes.length,
        leaf: nodes.length,
      }),
    );
  };
  for await (const node of readCsvRecords(path, NODE_COLUMNS, new ReadSummary(path, 'error'), parse)) nodes.push(node);
  return nodes;
}

/**
 * The pods of an openb pod list, in file order. `num_gpu` GPUs of `gpu_milli` each; a
 * `gpu_spec` naming several models (`A|B`) is not supported yet and is reported as bad input.
 */
export async function readOpenbPods(path: string): Promise<OpenbPod[]> {
  const parse = (row: CsvRow, line: number): OpenbPod => {
    checkWidth(row);
    const gpuSpec = row.string('gpu_spec');
    if (gpuSpec.includes('|')) throw new FieldError('gpu_spec', gpuSpec, 'one GPU model or empty (pods accepting several models are not supported yet)');
    const optionalTime = (column: string): number => (row.has(column) && row.string(column) !== '' ? count(row, column) : 0);
    const pod = {
      qos: row.has('qos') ? row.string('qos') : '',
      phase: row.has('pod_phase') ? row.string('pod_phase') : '',
      creationTime: count(row, 'creation_time'),
      deletionTime: optionalTime('deletion_time'),
      scheduledTime: optionalTime('scheduled_time'),
    };
    const input = {
      name: row.string('name'),
      cpuMilli: count(row, 'cpu_milli'),
      memoryMiB: count(row, 'memory_mib'),
      gpuCount: count(row, 'num_gpu'),
      gpuMilli: count(row, 'gpu_milli'),
      gpuType: gpuSpec === '' ? undefined : gpuSpec,
    };
    return { spec: scheduled(path, line, () => podSpec(input)), ...pod };
  };
  const pods: OpenbPod[] = [];
  for await (const pod of readCsvRecords(path, POD_COLUMNS, new ReadSummary(path, 'error'), parse)) pods.push(pod);
  return pods;
}

/** A non-negative integer field (counts, milli-units, seconds). */
function count(row: CsvRow, column: string): number {
  return row.number(column, { min: 0, integer: true });
}

/** The openb files never quote or omit fields: a row of another width is misaligned. */
function checkWidth(row: CsvRow): void {
  if (row.fieldCount !== row.columnCount) {
    throw new FieldError('(record)', `${row.fieldCount} fields`, `${row.columnCount} fields, as in the header`);
  }
}

/** Runs a scheduler constructor; its RangeError (a value the scheduler rejects) becomes bad input at this line. */
function scheduled<T>(path: string, line: number, build: () => T): T {
  try {
    return build();
  } catch (cause) {
    if (cause instanceof RangeError) throw badInput(cause.message, { file: path, line, cause });
    throw cause;
  }
}
