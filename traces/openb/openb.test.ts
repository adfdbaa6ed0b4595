import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { readOpenbNodes, readOpenbPods } from './openb.js';

const samples = join(import.meta.dirname, '..', 'samples', 'openb');
const dir = mkdtempSync(join(tmpdir(), 'weft-openb-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function failure(promise: Promise<unknown>): Promise<WeftError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected a WeftError');
}

describe('openb readers', () => {
  it('read the gzip samples', async () => {
    const nodes = await readOpenbNodes(join(samples, 'openb_node_list_all_node.csv.gz'));
    const pods = await readOpenbPods(join(samples, 'openb_pod_list_default.csv.gz'));
    expect(nodes).toHaveLength(1523);
    expect(nodes.reduce((s, n) => s + n.gpuCount, 0)).toBe(6212);
    expect(pods).toHaveLength(8152);
    expect(pods[1]?.spec).toMatchObject({ name: 'openb-pod-0001', cpuMilli: 6000, memoryMiB: 12288, gpuCount: 1, gpuMilli: 460 });
    expect(pods[1]).toMatchObject({ qos: 'LS', phase: 'Running', creationTime: 427061 });
  });

  it('name the file, line, field and value of a malformed row', async () => {
    const header = 'sn,cpu_milli,memory_mib,gpu,model\n';
    let e = await failure(readOpenbNodes(file('a.csv', `${header}n0,32000,262144,0,\nn1,lots,1,0,\n`)));
    expect(e.details).toMatchObject({ file: join(dir, 'a.csv'), line: 3, field: 'cpu_milli', value: 'lots', expected: 'an integer >= 0' });
    e = await failure(readOpenbNodes(file('b.csv', `${header}n0,32000,262144\n`)));
    expect(e.details).toMatchObject({ line: 2, field: '(record)', value: '3 fields', expected: '5 fields, as in the header' });
    e = await failure(readOpenbNodes(file('c.csv', `${header}n0,32000,262144,2,\n`)));
    expect(e.details).toMatchObject({ line: 2, field: 'model' });
    e = await failure(readOpenbNodes(file('d.csv', 'sn,cpu,memory_mib,gpu,model\n')));
    expect(e.details).toMatchObject({ line: 1, field: 'header', expected: expect.stringMatching(/missing cpu_milli/) as unknown });
    e = await failure(readOpenbNodes(join(dir, 'missing.csv')));
    expect(e.message).toMatch(/file not found/);
    e = await failure(readOpenbNodes(file('empty.csv', '')));
    expect(e.message).toBe('empty file');
    const podHeader = 'name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time\n';
    e = await failure(readOpenbPods(file('e.csv', `${podHeader}p0,1000,1024,2,500,,LS,Running,0,10,0\n`)));
    expect(e.details.line).toBe(2);
    expect(e.message).toMatch(/whole GPUs/);
    e = await failure(readOpenbPods(file('f.csv', `${podHeader}p0,1000,1024,1,500,G2|G3,LS,Running,0,10,0\n`)));
    expect(e.details).toMatchObject({ line: 2, field: 'gpu_spec', value: 'G2|G3' });
  });
});
