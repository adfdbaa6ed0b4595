import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_CRD_YAML, widgetYaml } from './fixtures.js';
import { kubectl, spawnKubectl, waitFor, type KubectlEnv } from './kubectl.js';
import { BUILTIN_RESOURCES } from './resources.js';
import { KubeApiServer } from './server.js';
import type { KubeObject } from './types.js';

/** A Widget manifest with exactly the given spec lines (server-side apply owns what it sends). */
function widgetSpec(name: string, spec: string): string {
  return `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
}

/** `manager (operation): .a.b, .c` for every managedFields entry, sorted. */
function owners(obj: KubeObject): string[] {
  const entries = (obj.metadata.managedFields ?? []) as { manager: string; operation: string; fieldsV1: Record<string, unknown> }[];
  const leaves = (node: Record<string, unknown>, prefix: string): string[] => {
    const keys = Object.keys(node).filter((k) => k.startsWith('f:'));
    if (keys.length === 0) return [prefix];
    return keys.flatMap((k) => leaves(node[k] as Record<string, unknown>, `${prefix}.${k.slice(2)}`));
  };
  return entries.map((e) => `${e.manager} (${e.operation}): ${leaves(e.fieldsV1, '').sort().join(', ')}`).sort();
}

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

  it('server-side apply: field managers, a conflict kubectl reports, --force-conflicts, and removal of fields no longer applied', async () => {
    const widgets = api.registry.find('example.com', 'v1', 'widgets')!;
    const first = await kubectl(env, ['apply', '--server-side', '-f', '-'], widgetSpec('ssa', '  replicas: 2\n  size: small\n  tags: [a]\n'));
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('widget.example.com/ssa serverside-applied');
    expect(owners(api.store.get(widgets, 'default', 'ssa'))).toEqual(['kubectl (Apply): .spec.replicas, .spec.size, .spec.tags']);

    // Another manager sets replicas to a different value: a conflict; the same size is shared.
    const clash = await kubectl(env, ['apply', '--server-side', '--field-manager=autoscaler', '-f', '-'], widgetSpec('ssa', '  replicas: 5\n  size: small\n'));
    expect(clash.code).not.toBe(0);
    expect(clash.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas');
    expect(api.store.get(widgets, 'default', 'ssa').spec).toMatchObject({ replicas: 2 });

    const forced = await kubectl(
      env,
      ['apply', '--server-side', '--field-manager=autoscaler', '--force-conflicts', '-f', '-'],
      widgetSpec('ssa', '  replicas: 5\n  size: small\n'),
    );
    expect(forced.stderr).toBe('');
    expect(owners(api.store.get(widgets, 'default', 'ssa'))).toEqual([
      'autoscaler (Apply): .spec.replicas, .spec.size',
      'kubectl (Apply): .spec.size, .spec.tags',
    ]);

    // kubectl stops applying tags (removed: nobody else owns them) and replicas (kept: the
    // autoscaler owns it), and changes size (shared with the autoscaler, so a conflict unless
    // forced; forcing takes it over).
    const next = await kubectl(env, ['apply', '--server-side', '--force-conflicts', '-f', '-'], widgetSpec('ssa', '  size: large\n'));
    expect(next.stderr).toBe('');
    const obj = api.store.get(widgets, 'default', 'ssa');
    expect(obj.spec).toEqual({ replicas: 5, size: 'large' });
    expect(owners(obj)).toEqual(['autoscaler (Apply): .spec.replicas', 'kubectl (Apply): .spec.size']);
    expect(obj.metadata.generation).toBe(3);

    // A client-side edit by another tool takes the field as an Update.
    await kubectl(env, ['patch', 'widget', 'ssa', '--type=merge', '-p', '{"spec":{"replicas":6}}']);
    expect(owners(api.store.get(widgets, 'default', 'ssa'))).toEqual(['kubectl (Apply): .spec.size', 'kubectl-patch (Update): .spec.replicas']);
  });

  it('kubectl delete cascades to dependents through owner references, or orphans them', async () => {
    const configMaps = BUILTIN_RESOURCES.find((r) => r.plural === 'configmaps')!;
    const owner = (name: string): KubeObject => api.store.create(configMaps, 'default', { metadata: { name } });
    const dependent = (name: string, of: KubeObject): KubeObject => {
      const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: of.metadata.name!, uid: of.metadata.uid! };
      return api.store.create(configMaps, 'default', { metadata: { name, ownerReferences: [ref] } });
    };
    const names = (): string[] => api.store.list(configMaps, 'default', () => true).map((o) => o.metadata.name ?? '');
    const parent = owner('parent');
    dependent('grandchild', dependent('child', parent));
    const keeper = owner('keeper');
    dependent('kept', keeper);

    const del = await kubectl(env, ['delete', 'configmap', 'parent']);
    expect(del.stdout).toContain('configmap "parent" deleted');
    expect(names().filter((n) => ['parent', 'child', 'grandchild'].includes(n))).toEqual([]);

    const orphan = await kubectl(env, ['delete', 'configmap', 'keeper', '--cascade=orphan']);
    expect(orphan.code).toBe(0);
    expect(names()).toContain('kept');
    expect(api.store.get(configMaps, 'default', 'kept').metadata.ownerReferences).toBeUndefined();
  });
});
