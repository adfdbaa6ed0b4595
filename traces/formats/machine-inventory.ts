import { readCsvRecords, readHeaderlessCsvRecords } from '../read/csv-records.js';
import type { ReadSummary } from '../read/read-summary.js';

/**
 * One machine of a cluster inventory, as the public traces describe it. Cluster builders map
 * these onto a cluster spec (GPU type names differ per trace and are kept verbatim here).
 */
export interface MachineRecord {
  name: string;
  /** GPU model as the trace names it (`V100M32`, `A100-SXM4-80GB`, `GPU-series-1`, ...); `CPU` for none. */
  gpuType: string;
  gpus: number;
  /** CPU cores (v2020) or CPUs (v2026) as published. */
  cpus: number;
  /** Memory in GiB when the trace gives it. */
  memoryGiB?: number;
}

/**
 * Alibaba PAI machine spec (cluster-trace-gpu-v2020, NSDI'22, CC BY 4.0): no header;
 * columns `machine,gpu_type,cap_cpu,cap_mem,cap_gpu`, memory in GB, CPU-only machines with
 * gpu_type `CPU` and 0 GPUs.
 */
export async function* readAlibabaV2020Machines(path: string, summary: ReadSummary): AsyncGenerator<MachineRecord> {
  yield* readHeaderlessCsvRecords(path, ['machine', 'gpu_type', 'cap_cpu', 'cap_mem', 'cap_gpu'], summary, (row) => ({
    name: row.string('machine'),
    gpuType: row.string('gpu_type'),
    gpus: row.number('cap_gpu', { integer: true, min: 0 }),
    cpus: row.number('cap_cpu', { min: 0 }),
    memoryGiB: row.number('cap_mem', { min: 0 }),
  }));
}

/**
 * GPU node inventory of the Alibaba spot-GPU trace (cluster-trace-v2026-spot-gpu, ASPLOS'26):
 * header `gpu_model,gpu_capacity_num,cpu_num,node_name`.
 */
export async function* readAlibabaV2026SpotNodes(path: string, summary: ReadSummary): AsyncGenerator<MachineRecord> {
  yield* readCsvRecords(path, ['gpu_model', 'gpu_capacity_num', 'cpu_num', 'node_name'], summary, (row) => ({
    name: row.string('node_name'),
    gpuType: row.string('gpu_model'),
    gpus: row.number('gpu_capacity_num', { integer: true, min: 0 }),
    cpus: row.number('cpu_num', { min: 0 }),
  }));
}
