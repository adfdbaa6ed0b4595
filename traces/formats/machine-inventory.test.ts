import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadSummary } from '../read/read-summary.js';
import { readAlibabaV2020Machines, readAlibabaV2026SpotNodes, type MachineRecord } from './machine-inventory.js';

const samples = join(import.meta.dirname, '..', 'samples');

async function collect(source: AsyncIterable<MachineRecord>): Promise<MachineRecord[]> {
  const out: MachineRecord[] = [];
  for await (const m of source) out.push(m);
  return out;
}

function gpusByType(machines: readonly MachineRecord[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const m of machines) totals[m.gpuType] = (totals[m.gpuType] ?? 0) + m.gpus;
  return totals;
}

describe('cluster inventories', () => {
  it('reads the Alibaba v2020 PAI machine spec: 1,897 machines, 6,742 GPUs (trace README figures)', async () => {
    const summary = new ReadSummary('v2020');
    const machines = await collect(readAlibabaV2020Machines(join(samples, 'alibaba-v2020', 'alibaba_v2020_pai_machine_spec.csv.gz'), summary));
    expect(machines).toHaveLength(1897);
    expect(machines.reduce((s, m) => s + m.gpus, 0)).toBe(6742);
    expect(machines.filter((m) => m.gpuType === 'T4')).toHaveLength(497);
    expect(machines[0]).toEqual({ name: '7399a758eb02bae1a3621236', gpuType: 'CPU', gpus: 0, cpus: 96, memoryGiB: 512 });
  });

  it('reads the Alibaba v2026 spot GPU nodes: 4,278 nodes, 10,412 GPUs', async () => {
    const summary = new ReadSummary('v2026');
    const nodes = await collect(readAlibabaV2026SpotNodes(join(samples, 'alibaba-v2026-spot', 'alibaba_v2026_spot_gpu_node_info_df.csv.gz'), summary));
    expect(nodes).toHaveLength(4278);
    expect(Object.values(gpusByType(nodes)).reduce((a, b) => a + b, 0)).toBe(10_412);
    expect(summary.skipped).toBe(0);
  });

  it('reports a row with the wrong number of fields by line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'weft-inv-')), 'spec.csv');
    writeFileSync(path, 'm1,T4,96,512,2\nm2,T4,96,512\n');
    const summary = new ReadSummary(path, 'skip');
    expect(await collect(readAlibabaV2020Machines(path, summary))).toHaveLength(1);
    expect(summary.issues[0]).toMatchObject({ line: 2, field: '(record)', expected: '5 fields (machine,gpu_type,cap_cpu,cap_mem,cap_gpu)' });
  });
});
