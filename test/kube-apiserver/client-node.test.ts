import {
  ApiException,
  CoreV1Api,
  KubeConfig,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  V1Binding,
  V1ConfigMap,
  V1ObjectMeta,
  V1Container,
  V1ObjectReference,
  V1Pod,
  V1PodSpec,
} from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_RESOURCES } from './resources.js';
import { KubeApiServer } from './server.js';
import { waitUntil } from './wait.js';

const CONFIGMAPS = BUILTIN_RESOURCES.find((r) => r.plural === 'configmaps')!;

/** A ConfigMap built the way client-node models it (class instances, not literals). */
function configMap(name: string, value: string, resourceVersion?: string): V1ConfigMap {
  const metadata = new V1ObjectMeta();
  metadata.name = name;
  metadata.namespace = 'default';
  if (resourceVersion !== undefined) metadata.resourceVersion = resourceVersion;
  const cm = new V1ConfigMap();
  cm.apiVersion = 'v1';
  cm.kind = 'ConfigMap';
  cm.metadata = metadata;
  cm.data = { value };
  return cm;
}

describe('the real @kubernetes/client-node against KubeApiServer', () => {
  let api: KubeApiServer;
  let core: CoreV1Api;
  let kc: KubeConfig;

  beforeEach(async () => {
    api = await KubeApiServer.start();
    kc = new KubeConfig();
    kc.loadFromString(api.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
  });

  afterEach(async () => {
    await api.stop();
  });

  it('an informer lists, watches, gets 410 after a dropped watch, and relists without losing or duplicating objects', async () => {
    for (const n of ['a', 'b']) await core.createNamespacedConfigMap({ namespace: 'default', body: configMap(n, '1') });
    const informer = makeInformer(kc, '/api/v1/namespaces/default/configmaps', () =>
      core.listNamespacedConfigMap({ namespace: 'default' }),
    );
    const log: string[] = [];
    informer.on('add', (o) => log.push(`add ${o.metadata?.name ?? ''}`));
    informer.on('update', (o) => log.push(`update ${o.metadata?.name ?? ''}=${o.data?.value ?? ''}`));
    informer.on('delete', (o) => log.push(`delete ${o.metadata?.name ?? ''}`));
    const errors: unknown[] = [];
    informer.on('error', (e) => errors.push(e));
    await informer.start();
    try {
      await waitUntil('the first watch', () => api.openWatches === 1);
      expect(log).toEqual(['add a', 'add b']);

      // Live watch: a create arrives as an add.
      await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('c', '1') });
      await waitUntil('add c', () => log.includes('add c'));

      // Drop the watch and, before the client can re-watch, change state and compact history:
      // its re-watch from the old resourceVersion must get a 410 and force a relist. All of
      // this is synchronous, so the re-watch cannot arrive in between.
      api.clearRequests();
      log.length = 0;
      expect(api.dropWatches()).toBe(1);
      api.store.delete(CONFIGMAPS, 'default', 'a');
      const b = api.store.get(CONFIGMAPS, 'default', 'b');
      api.store.update(CONFIGMAPS, 'default', 'b', { ...b, data: { value: '2' } });
      api.store.create(CONFIGMAPS, 'default', configMap('d', '1'));
      api.store.compact();

      await waitUntil('the relist and a new watch', () => api.openWatches === 1 && log.length >= 3);
      expect(api.requests.map((r) => r.verb)).toEqual(['watch', 'list', 'watch']);
      expect(log.sort()).toEqual(['add d', 'delete a', 'update b=2']);
      const cached = informer
        .list('default')
        .map((o) => `${o.metadata?.name ?? ''}@${o.metadata?.resourceVersion ?? ''}`)
        .sort();
      const stored = api.store
        .list(CONFIGMAPS, 'default', () => true)
        .map((o) => `${o.metadata.name ?? ''}@${o.metadata.resourceVersion ?? ''}`);
      expect(cached).toEqual(stored);

      // And the new watch is live.
      await core.deleteNamespacedConfigMap({ name: 'c', namespace: 'default' });
      await waitUntil('delete c', () => log.includes('delete c'));
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });

  it('a stale update gets 409 Conflict with a Status body', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('x', '1') });
    const seenRv = created.metadata?.resourceVersion;
    const fresh = await core.replaceNamespacedConfigMap({ name: 'x', namespace: 'default', body: configMap('x', '2', seenRv) });
    expect(Number(fresh.metadata?.resourceVersion)).toBeGreaterThan(Number(created.metadata?.resourceVersion));
    const stale = core.replaceNamespacedConfigMap({ name: 'x', namespace: 'default', body: configMap('x', '3', seenRv) });
    const err = await stale.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiException);
    const apiErr = err as ApiException<string>;
    expect(apiErr.code).toBe(409);
    const status = JSON.parse(apiErr.body) as { reason: string; message: string };
    expect(status.reason).toBe('Conflict');
    expect(status.message).toContain('the object has been modified');
    expect(api.store.get(CONFIGMAPS, 'default', 'x').data).toEqual({ value: '2' });
  });

  it('AlreadyExists and NotFound are real Status objects', async () => {
    await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('y', '1') });
    const dup = await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('y', '1') }).catch((e: unknown) => e);
    expect((dup as ApiException<string>).code).toBe(409);
    expect(JSON.parse((dup as ApiException<string>).body)).toMatchObject({ kind: 'Status', reason: 'AlreadyExists' });
    const missing = await core.readNamespacedConfigMap({ name: 'nope', namespace: 'default' }).catch((e: unknown) => e);
    expect((missing as ApiException<string>).code).toBe(404);
    expect(JSON.parse((missing as ApiException<string>).body)).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      message: 'configmaps "nope" not found',
      details: { name: 'nope', kind: 'configmaps' },
    });
  });

  it('binds a pod, then patches its status with JSON patch and merge patch', async () => {
    const pod = new V1Pod();
    pod.metadata = new V1ObjectMeta();
    pod.metadata.name = 'p';
    const container = new V1Container();
    container.name = 'c';
    container.image = 'img';
    pod.spec = new V1PodSpec();
    pod.spec.containers = [container];
    await core.createNamespacedPod({ namespace: 'default', body: pod });
    const binding = new V1Binding();
    binding.metadata = new V1ObjectMeta();
    binding.metadata.name = 'p';
    binding.target = new V1ObjectReference();
    binding.target.kind = 'Node';
    binding.target.name = 'node-1';
    await core.createNamespacedBinding({ namespace: 'default', body: binding });
    expect((await core.readNamespacedPod({ name: 'p', namespace: 'default' })).spec?.nodeName).toBe('node-1');

    // client-node sends JSON patch unless told otherwise.
    const json = await core.patchNamespacedPodStatus({
      name: 'p',
      namespace: 'default',
      body: [{ op: 'replace', path: '/status/phase', value: 'Running' }],
    });
    expect(json.status?.phase).toBe('Running');
    const merge = await core.patchNamespacedPodStatus(
      { name: 'p', namespace: 'default', body: { status: { podIP: '10.0.0.1' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(merge.status).toMatchObject({ phase: 'Running', podIP: '10.0.0.1' });
    expect(api.requests.filter((r) => r.verb === 'patch').map((r) => r.subresource)).toEqual(['status', 'status']);
  });
});
