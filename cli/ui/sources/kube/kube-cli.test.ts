import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addNode, startCluster } from '../../../../operator/testing/cluster.js';
import type { KubeApiServer } from '../../../../test/kube-apiserver/server.js';
import { waitUntil } from '../../../../test/kube-apiserver/wait.js';
import { rejectsWithOneLine } from '../../../testing/cli-harness.js';

let api: KubeApiServer | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});


describe('weft ui --kube', () => {
  it('connects and lists before asking for a terminal, and stops its watches on the way out', { timeout: 15_000 }, async () => {
    const cluster = await startCluster();
    api = cluster.api;
    addNode(api, { name: 'gpu-a', gpus: 8 });
    const kubeconfig = await api.writeKubeconfig(await mkdtemp(join(tmpdir(), 'weft-ui-kube-')));
    expect(await rejectsWithOneLine(['ui', '--kubeconfig', kubeconfig, '--namespace', 'default'])).toBe('error: stdout: weft ui needs a terminal (expected a TTY (run it in a terminal, not through a pipe))');
    expect(api.requests.some((r) => r.resource === 'nodes' && r.verb === 'list' && r.code === 200)).toBe(true);
    // --namespace: the CRs and Events of that namespace only; Nodes and Pods cluster-wide (the grid).
    for (const resource of ['events', 'modeldeployments', 'finetunejobs']) {
      expect(api.requests.filter((r) => r.resource === resource && r.verb === 'list').map((r) => [r.namespace, r.code])).toContainEqual(['default', 200]);
    }
    expect(api.requests.filter((r) => r.resource === 'pods' && r.verb === 'list').every((r) => r.namespace === undefined)).toBe(true);
    // Watches still connecting when the source closed are cut too (else the process would not exit).
    await waitUntil('every watch closed', () => api!.openWatches === 0, 2000);
  });

  it('is one error line, exit 2, for an unreachable server, a missing kubeconfig, an unknown context or conflicting flags', { timeout: 15_000 }, async () => {
    const cluster = await startCluster();
    const dir = await mkdtemp(join(tmpdir(), 'weft-ui-kube-'));
    const kubeconfig = await cluster.api.writeKubeconfig(dir);
    await cluster.api.stop();
    expect(await rejectsWithOneLine(['ui', '--kube', '--kubeconfig', kubeconfig])).toMatch(/^error: kubeconfig: cannot read Nodes from the API server: .*ECONNREFUSED.*: got "http:\/\/127\.0\.0\.1:\d+" \(expected a reachable Kubernetes API server/);
    expect(await rejectsWithOneLine(['ui', '--kube', '--kubeconfig', join(dir, 'nope')])).toBe(`error: --kubeconfig: kubeconfig not found: got "${join(dir, 'nope')}" (expected a readable kubeconfig file)`);
    expect(await rejectsWithOneLine(['ui', '--kubeconfig', kubeconfig, '--context', 'lab'])).toMatch(/^error: --context: no such context in the kubeconfig: got "lab" \(expected one of: /);
    expect(await rejectsWithOneLine(['ui', '--kube', '--demo'])).toContain('--kube excludes --demo and --scenario');
    expect(await rejectsWithOneLine(['ui', '--kube', '--speed', '10', '--kubeconfig', kubeconfig])).toContain('a live cluster has no speed');
  });
});
