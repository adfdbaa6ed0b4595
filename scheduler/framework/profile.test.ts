import { describe, expect, it } from 'vitest';
import { WeftError } from '../../core/errors.js';
import { ClusterState } from '../cluster/cluster-state.js';
import { nodeSpec } from '../cluster/node-spec.js';
import { TargetWorkload } from '../fgd/target-workload.js';
import { podSpec } from '../workload/pod.js';
import { GangDirectory } from './gangs.js';
import { loadShippedProfiles } from '../profiles/shipped.js';
import { buildFramework, parseSchedulerConfig } from './profile.js';

const cluster = () =>
  new ClusterState([
    nodeSpec({ name: 'a', gpuType: 'T4', gpuCount: 2, cpuMilli: 8000, memoryMiB: 8192 }),
    nodeSpec({ name: 'b', gpuType: 'T4', gpuCount: 2, cpuMilli: 8000, memoryMiB: 8192 }),
  ]);

function errorOf(text: string): WeftError {
  try {
    parseSchedulerConfig(text, 'profiles.yaml');
  } catch (error) {
    if (error instanceof WeftError) return error;
    throw error;
  }
  throw new Error('expected a WeftError');
}

describe('scheduler profiles from YAML', () => {
  it('loads the shipped profiles and builds a working framework from each', () => {
    const config = loadShippedProfiles();
    expect(config.profiles.map((p) => p.name)).toEqual(['fgd', 'best-fit', 'spread', 'random', 'dot-product', 'packing']);
    for (const profile of config.profiles) {
      const c = cluster();
      const workload = TargetWorkload.fromPods([podSpec({ name: 'w', gpuCount: 1, gpuMilli: 500 })]);
      const fw = buildFramework(profile, { cluster: c, gangs: new GangDirectory(), workload, seed: 1 });
      expect(fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1, gpuMilli: 500 }), 0).kind).toBe('bound');
    }
  });

  it('weights steer the choice between scores', () => {
    const yaml = (most: number, least: number) => `profiles:
  - name: p
    plugins:
      - { name: ResourceFit }
      - { name: MostAllocated, weight: ${most} }
      - { name: LeastAllocated, weight: ${least} }
`;
    for (const [most, least, expected] of [[3, 1, 0], [1, 3, 1]] as const) {
      const c = cluster();
      c.allocate(podSpec({ name: 'x', gpuCount: 1 }), 0);
      const fw = buildFramework(parseSchedulerConfig(yaml(most, least), 'p.yaml').profiles[0]!, { cluster: c, gangs: new GangDirectory(), seed: 1 });
      expect(fw.scheduleOne(podSpec({ name: 'p', gpuCount: 1 }), 0)).toEqual({ kind: 'bound', node: expected });
    }
  });

  it('reports the file, line, field and bad value', () => {
    let e = errorOf('profiles:\n  - name: p\n    plugins:\n      - name: ResourceFit\n      - name: FastFit\n');
    expect(e.details).toMatchObject({ file: 'profiles.yaml', line: 5, field: 'profiles[0].plugins[1].name', value: 'FastFit' });
    expect(e.details.expected).toMatch(/^one of: PrioritySort, /);
    e = errorOf('profiles:\n  - name: p\n    plugins:\n      - name: BestFit\n        args: { resources: { cpu: -1, memory: 0, gpu: 1 } }\n');
    expect(e.details).toMatchObject({ line: 5, field: 'profiles[0].plugins[0].args.resources.cpu', value: -1, expected: '>= 0' });
    e = errorOf('profiles:\n  - name: p\n    plugins:\n      - { name: GpuType }\n      - { name: GpuType }\n');
    expect(e.message).toBe('plugin GpuType is listed twice');
    expect(e.details.line).toBe(5);
    e = errorOf('profiles:\n  - name: p\n    plugins:\n      - { name: FGD, wieght: 2 }\n');
    expect(e.message).toBe('unknown field "wieght"');
  });

  it('refuses FGD without a target workload', () => {
    const config = parseSchedulerConfig('profiles:\n  - name: p\n    plugins: [{ name: FGD }]\n', 'p.yaml');
    expect(() => buildFramework(config.profiles[0]!, { cluster: cluster(), gangs: new GangDirectory(), seed: 1 })).toThrow(/FGD needs a target workload/);
  });
});
