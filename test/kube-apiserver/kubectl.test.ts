import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CRD_YAML, widgetYaml } from './fixtures.js';
import { kubectl, spawnKubectl, waitFor, type KubectlEnv } from './kubectl.js';
import { KubeApiServer } from './server.js';

describe('the real kubectl against KubeApiServer', () => {
  let api: KubeApiServer;
  let env: KubectlEnv;

  beforeAll(async () => {
    api = await KubeApiServer.start();
    const dir = await mkdtemp(join(tmpdir(), 'weft-kubectl-'));
    env = { dir, kubeconfig: await api.writeKubeconfig(dir) };
  });

  afterAll(async () => {
    await api.stop();
    await rm(env.dir, { recursive: true, force: true });
  });

  it('applies a CRD and an instance, and gets it with printer columns', async () => {
    const crd = await kubectl(env, ['apply', '-f', '-'], WIDGET_CRD_YAML);
    expect(crd.stderr).toBe('');
    // kubectl asks for aggregated discovery first; the unaggregated answer makes it fall back
    // to per-group resource lists.
    const apis = api.requests.find((r) => r.path === '/apis');
    expect(apis?.accept).toContain('as=APIGroupDiscoveryList');
    expect(api.requests.some((r) => r.path === '/apis/apiextensions.k8s.io/v1')).toBe(true);
    expect(crd.stdout).toContain('customresourcedefinition.apiextensions.k8s.io/widgets.example.com created');
    const w = await kubectl(env, ['apply', '-f', '-'], widgetYaml('alpha', 3));
    expect(w.stderr).toBe('');
    expect(w.stdout).toContain('widget.example.com/alpha created');
    const get = await kubectl(env, ['get', 'widgets']);
    expect(get.stderr).toBe('');
    const lines = get.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+REPLICAS\s+SIZE\s+PHASE\s+AGE$/);
    // A missing column value (no .status.phase yet) is a null cell, printed blank.
    expect(lines[1]).toMatch(/^alpha\s+3\s+small\s+\d+s$/);
  });

  it('re-applies a changed manifest as a patch and bumps generation', async () => {
    const w = await kubectl(env, ['apply', '-f', '-'], widgetYaml('alpha', 4));
    expect(w.stdout).toContain('widget.example.com/alpha configured');
    const json = await kubectl(env, ['get', 'widget', 'alpha', '-o', 'json']);
    const obj = JSON.parse(json.stdout) as { spec: { replicas: number }; metadata: { generation: number } };
    expect(obj.spec.replicas).toBe(4);
    expect(obj.metadata.generation).toBe(2);
    expect(api.requests.some((r) => r.verb === 'patch' && r.resource === 'widgets')).toBe(true);
  });

  it('rejects an instance that breaks the schema, and an unknown field under strict validation', async () => {
    const bad = await kubectl(env, ['apply', '-f', '-'], widgetYaml('bad', 11));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('spec.replicas');
    expect(bad.stderr).toContain('less than or equal to 10');
    const unknown = await kubectl(env, ['apply', '-f', '-'], widgetYaml('bad', 1, '  colour: red\n'));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('unknown field "spec.colour"');
  });

  it('kubectl get -w sees an update', async () => {
    const child = spawnKubectl(env, ['get', 'widgets', '-w', '--output-watch-events']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out, (t) => t.includes('alpha'));
      await waitFor(() => String(api.openWatches), (t) => t === '1');
      const patch = await kubectl(env, ['patch', 'widget', 'alpha', '--type=merge', '-p', '{"spec":{"replicas":7}}']);
      expect(patch.stdout).toContain('patched');
      const seen = await waitFor(() => out, (t) => /MODIFIED\s+alpha\s+7\s/.test(t));
      expect(seen).toMatch(/ADDED\s+alpha\s+4\s/);
    } finally {
      child.kill();
    }
  });

  it('kubectl delete honours finalizers', async () => {
    await kubectl(env, ['apply', '-f', '-'], widgetYaml('held', 1).replace('  name: held', '  name: held\n  finalizers: [example.com/hold]'));
    const del = await kubectl(env, ['delete', 'widget', 'held', '--wait=false']);
    expect(del.stdout).toContain('widget.example.com "held" deleted');
    const still = await kubectl(env, ['get', 'widget', 'held', '-o', 'jsonpath={.metadata.deletionTimestamp}']);
    expect(still.stdout).toMatch(/^\d{4}-\d\d-\d\dT/);
    // A waiting delete returns only once the finalizer is removed.
    api.clearRequests();
    const waiting = kubectl(env, ['delete', 'widget', 'held', '--timeout=10s']);
    // kubectl waits for the deletion with a watch on the object; release it only then.
    await waitFor(
      () => String(api.requests.filter((r) => r.verb === 'watch' && r.resource === 'widgets').length),
      (t) => t === '1',
    );
    const unhold = await kubectl(env, ['patch', 'widget', 'held', '--type=json', '-p', '[{"op":"remove","path":"/metadata/finalizers"}]']);
    expect(unhold.stdout).toContain('patched');
    expect((await waiting).code).toBe(0);
    const gone = await kubectl(env, ['get', 'widget', 'held']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('widgets.example.com "held" not found');
  });

  it('applies a built-in ConfigMap twice (create, then patch)', async () => {
    const cm = (v: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: "${v}"\n`;
    const first = await kubectl(env, ['apply', '-f', '-'], cm('a'));
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('configmap/settings created');
    api.clearRequests();
    const second = await kubectl(env, ['apply', '-f', '-'], cm('b'));
    expect(second.stderr).toBe('');
    expect(second.stdout).toContain('configmap/settings configured');
    expect(api.requests.filter((r) => r.resource === 'configmaps').map((r) => r.verb)).toEqual(['get', 'patch']);
    const got = await kubectl(env, ['get', 'configmap', 'settings', '-o', 'jsonpath={.data.mode}']);
    expect(got.stdout).toBe('b');
  });

  it('kubectl retries after a 429 with Retry-After, and the request log shows it', async () => {
    api.clearRequests();
    api.faults.throttle(1, 1, (r) => r.resource === 'widgets' && r.verb === 'list');
    const get = await kubectl(env, ['get', 'widgets', '-n', 'default', '-o', 'name']);
    expect(get.stdout.trim()).toBe('widget.example.com/alpha');
    const lists = api.requests.filter((r) => r.resource === 'widgets' && r.verb === 'list');
    expect(lists.map((r) => [r.namespace, r.code])).toEqual([
      ['default', 429],
      ['default', 200],
    ]);
  });
});
