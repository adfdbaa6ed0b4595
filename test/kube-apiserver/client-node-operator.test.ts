/**
 * The real @kubernetes/client-node doing what Weft's operator (issue 10) does: leader election
 * on a Lease, server-side apply with a field manager, informers with label selectors, watches
 * kept alive by bookmarks, and deletion of an owner with its dependents.
 */
import {
  ApiException,
  CoordinationV1Api,
  CoreV1Api,
  KubeConfig,
  makeInformer,
  PatchStrategy,
  setHeaderOptions,
  V1Lease,
  V1ConfigMap,
  V1LeaseSpec,
  V1MicroTime,
  V1ObjectMeta,
  V1OwnerReference,
  Watch,
} from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_RESOURCES } from './resources.js';
import { KubeApiServer } from './server.js';
import type { KubeObject } from './types.js';
import { waitUntil } from './wait.js';

const CONFIGMAPS = BUILTIN_RESOURCES.find((r) => r.plural === 'configmaps')!;

/** The error a rejected client-node call carries, with its Status body parsed. */
async function failure(call: Promise<unknown>): Promise<{ code: number; status: { reason: string; message: string; details?: { causes?: { reason: string; field: string }[] } } }> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiException)) throw new Error(`expected an ApiException, got ${String(err)}`);
  const e = err as ApiException<string>;
  return { code: e.code, status: JSON.parse(e.body) as never };
}

/** A ConfigMap in `default` built from client-node's classes, as an operator would. */
function configMap(
  name: string,
  extra: { labels?: Record<string, string>; ownerReferences?: V1OwnerReference[]; finalizers?: string[] } = {},
): V1ConfigMap {
  const cm = new V1ConfigMap();
  cm.metadata = new V1ObjectMeta();
  cm.metadata.name = name;
  if (extra.labels !== undefined) cm.metadata.labels = extra.labels;
  if (extra.ownerReferences !== undefined) cm.metadata.ownerReferences = extra.ownerReferences;
  if (extra.finalizers !== undefined) cm.metadata.finalizers = extra.finalizers;
  return cm;
}

/** A blocking owner reference to `owner`. */
function ownedBy(owner: V1ConfigMap): V1OwnerReference {
  const ref = new V1OwnerReference();
  ref.apiVersion = 'v1';
  ref.kind = 'ConfigMap';
  ref.name = owner.metadata?.name ?? '';
  ref.uid = owner.metadata?.uid ?? '';
  ref.blockOwnerDeletion = true;
  return ref;
}

function lease(holder: string, renewTime: string, resourceVersion?: string): V1Lease {
  const l = new V1Lease();
  l.metadata = new V1ObjectMeta();
  l.metadata.name = 'weft-operator';
  if (resourceVersion !== undefined) l.metadata.resourceVersion = resourceVersion;
  l.spec = new V1LeaseSpec();
  l.spec.holderIdentity = holder;
  l.spec.leaseDurationSeconds = 2;
  l.spec.renewTime = new V1MicroTime(renewTime);
  return l;
}

describe('the real client-node doing what the operator does', () => {
  let api: KubeApiServer;
  let kc: KubeConfig;
  let core: CoreV1Api;

  beforeEach(async () => {
    api = await KubeApiServer.start();
    kc = new KubeConfig();
    kc.loadFromString(api.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
  });

  afterEach(async () => {
    await api.stop();
  });

  it('leader election on a Lease: one creator wins, a stale renewal loses with 409, a takeover succeeds', async () => {
    const leases = kc.makeApiClient(CoordinationV1Api);
    const ns = 'kube-system';
    const t0 = '2026-01-01T00:00:00.123Z';
    const won = await leases.createNamespacedLease({ namespace: ns, body: lease('a', t0) });
    const lost = await failure(leases.createNamespacedLease({ namespace: ns, body: lease('b', t0) }));
    expect(lost.code).toBe(409);
    expect(lost.status.reason).toBe('AlreadyExists');

    // Both read the same version; the leader renews first, the standby's takeover is stale.
    const seen = won.metadata?.resourceVersion;
    const renewed = await leases.replaceNamespacedLease({ name: 'weft-operator', namespace: ns, body: lease('a', '2026-01-01T00:00:01Z', seen) });
    const stale = await failure(leases.replaceNamespacedLease({ name: 'weft-operator', namespace: ns, body: lease('b', '2026-01-01T00:00:01Z', seen) }));
    expect(stale.code).toBe(409);
    expect(stale.status.reason).toBe('Conflict');

    // The leader stops renewing; the standby takes over from the version it read last.
    const current = await leases.readNamespacedLease({ name: 'weft-operator', namespace: ns });
    expect(current.spec?.holderIdentity).toBe('a');
    // client-node 1.4 sends V1MicroTime with microseconds but hands renewTime back as the
    // string it read, not as a V1MicroTime: an operator must parse it itself.
    expect(String(current.spec?.renewTime)).toBe('2026-01-01T00:00:01.000000Z');
    expect(current.metadata?.resourceVersion).toBe(renewed.metadata?.resourceVersion);
    const taken = await leases.replaceNamespacedLease({
      name: 'weft-operator',
      namespace: ns,
      body: lease('b', '2026-01-01T00:00:04Z', current.metadata?.resourceVersion),
    });
    expect(taken.spec?.holderIdentity).toBe('b');

    // As on a real apiserver, a MicroTime needs six fractional digits (a plain Date has three)
    // and a lease must last more than 0 s.
    const raw = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'raw' }, spec: { holderIdentity: 'c', renewTime: '2026-01-01T00:00:01.000Z' } };
    const post = (body: unknown): Promise<Response> =>
      fetch(`${api.url}/apis/coordination.k8s.io/v1/namespaces/${ns}/leases`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const millis = await post(raw);
    expect(millis.status).toBe(400);
    expect(((await millis.json()) as { message: string }).message).toContain('"2026-01-01T00:00:01.000Z" as "2006-01-02T15:04:05.000000Z07:00"');
    const zero = await post({ ...raw, spec: { renewTime: '2026-01-01T00:00:01.000000Z', leaseDurationSeconds: 0 } });
    expect(zero.status).toBe(422);
    expect(((await zero.json()) as { message: string }).message).toBe('Lease.coordination.k8s.io "raw" is invalid: spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0');
    expect(api.requests.filter((r) => r.resource === 'leases').map((r) => `${r.verb} ${String(r.code)}`)).toEqual([
      'create 201',
      'create 409',
      'update 200',
      'update 409',
      'get 200',
      'update 200',
      'create 400',
      'create 422',
    ]);
  });

  it('server-side apply of status by the operator: a field manager, a 409 FieldManagerConflict, force, and a required manager', async () => {
    const apply = (manager: string | undefined, data: Record<string, string>, force = false): Promise<V1ConfigMap> =>
      core.patchNamespacedConfigMap(
        {
          name: 'plan',
          namespace: 'default',
          body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'plan' }, data },
          ...(manager === undefined ? {} : { fieldManager: manager }),
          ...(force ? { force: true } : {}),
        },
        setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
      );
    const applied = await apply('weft-operator', { replicas: '2', gpus: '8' });
    expect(applied.data).toEqual({ replicas: '2', gpus: '8' });
    const managers = (o: V1ConfigMap): string[] => (o.metadata?.managedFields ?? []).map((m) => `${m.manager ?? ''}/${m.operation ?? ''}`).sort();
    expect(managers(applied)).toEqual(['weft-operator/Apply']);
    // A plain write (no fieldManager: the User-Agent's product, as kube-apiserver defaults it)
    // takes the field it changes as an Update; re-applying the operator's value conflicts.
    await core.patchNamespacedConfigMap(
      { name: 'plan', namespace: 'default', body: { data: { gpus: '16' } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const patched = await core.readNamespacedConfigMap({ name: 'plan', namespace: 'default' });
    expect(managers(patched)).toEqual(['node-fetch/Update', 'weft-operator/Apply']);
    expect((await failure(apply('weft-operator', { replicas: '2', gpus: '8' }))).status.message).toContain('conflict with "node-fetch": .data.gpus');
    expect((await apply('weft-operator', { replicas: '2', gpus: '8' }, true)).data).toEqual({ replicas: '2', gpus: '8' });

    const clash = await failure(apply('other', { replicas: '3' }));
    expect(clash.code).toBe(409);
    expect(clash.status.message).toBe('Apply failed with 1 conflict: conflict with "weft-operator": .data.replicas');
    expect(clash.status.details?.causes).toEqual([{ reason: 'FieldManagerConflict', message: 'conflict with "weft-operator"', field: '.data.replicas' }]);

    const forced = await apply('other', { replicas: '3' }, true);
    expect(forced.data).toEqual({ replicas: '3', gpus: '8' });
    // The operator re-applies without replicas: the field is the other manager's now, so it stays.
    const again = await apply('weft-operator', { gpus: '4' });
    expect(again.data).toEqual({ replicas: '3', gpus: '4' });

    const unnamed = await failure(apply(undefined, { gpus: '1' }));
    expect(unnamed.code).toBe(422);
    expect(unnamed.status.message).toContain('fieldManager: Required value');
  });

  it('an informer with a label selector sees objects enter and leave its selection', async () => {
    const informer = makeInformer(
      kc,
      '/api/v1/namespaces/default/configmaps',
      () => core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'app=weft' }),
      'app=weft',
    );
    const log: string[] = [];
    informer.on('add', (o) => log.push(`add ${o.metadata?.name ?? ''}`));
    informer.on('delete', (o) => log.push(`delete ${o.metadata?.name ?? ''}`));
    await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('in', { labels: { app: 'weft' } }) });
    await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('out', { labels: { app: 'other' } }) });
    await informer.start();
    try {
      await waitUntil('the watch', () => api.openWatches === 1);
      expect(log).toEqual(['add in']);
      const relabel = (name: string, app: string): Promise<V1ConfigMap> =>
        core.patchNamespacedConfigMap(
          { name, namespace: 'default', body: { metadata: { labels: { app } } } },
          setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
        );
      await relabel('out', 'weft');
      await relabel('in', 'other');
      await waitUntil('both moves', () => log.length === 3);
      expect(log).toEqual(['add in', 'add out', 'delete in']);
      expect(informer.list('default').map((o) => o.metadata?.name)).toEqual(['out']);
      expect(api.requests.filter((r) => r.verb === 'list' || r.verb === 'watch').map((r) => r.verb)).toEqual(['list', 'watch']);
    } finally {
      await informer.stop();
    }
  });

  it('a bookmark moves a quiet watch past compaction, so its re-watch gets no 410', async () => {
    await api.stop();
    api = await KubeApiServer.start({ historyWindow: 3 });
    kc.loadFromString(api.kubeconfig());
    core = kc.makeApiClient(CoreV1Api);
    const watcher = new Watch(kc);
    const rewatch = async (resourceVersion: string): Promise<{ type: string; rv: string; code?: number }[]> => {
      const events: { type: string; rv: string; code?: number }[] = [];
      const ctl = await watcher.watch(
        '/api/v1/namespaces/default/configmaps',
        { resourceVersion, labelSelector: 'app=quiet', allowWatchBookmarks: true },
        (type, obj: KubeObject & { code?: number }) => {
          events.push({ type, rv: obj.metadata.resourceVersion ?? '', ...(obj.code === undefined ? {} : { code: obj.code }) });
        },
        () => undefined,
      );
      await waitUntil('events', () => events.length > 0 || api.openWatches > 0);
      ctl.abort();
      return events;
    };
    await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('q', { labels: { app: 'quiet' } }) });
    const listed = await core.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'app=quiet' });
    const listRv = listed.metadata?.resourceVersion ?? '';

    const bookmarks: string[] = [];
    const ctl = await watcher.watch(
      '/api/v1/namespaces/default/configmaps',
      { resourceVersion: listRv, labelSelector: 'app=quiet', allowWatchBookmarks: true },
      (type, obj: KubeObject) => bookmarks.push(`${type} ${obj.metadata.resourceVersion ?? ''}`),
      () => undefined,
    );
    await waitUntil('the watch', () => api.openWatches === 1);
    // Unselected churn pushes the watch's resourceVersion out of the 3-change history.
    for (let i = 0; i < 5; i++) api.store.create(CONFIGMAPS, 'default', { metadata: { name: `noise-${i}` } });
    api.sendBookmarks();
    const head = String(api.store.resourceVersion);
    await waitUntil('the bookmark', () => bookmarks.length === 1);
    expect(bookmarks).toEqual([`BOOKMARK ${head}`]);
    ctl.abort();
    await waitUntil('the watch closed', () => api.openWatches === 0);

    expect(await rewatch(listRv)).toEqual([{ type: 'ERROR', rv: '', code: 410 }]);
    const fromBookmark = await rewatch(head);
    expect(fromBookmark.filter((e) => e.type === 'ERROR')).toEqual([]);
  });

  it('deleting an owner in the foreground waits for blocking dependents; in the background it goes first', async () => {
    const owner = await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('owner') });
    const ref = ownedBy(owner);
    await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('pod-a', { ownerReferences: [ref], finalizers: ['weft.dev/drain'] }) });
    await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('pod-b', { ownerReferences: [ref] }) });
    const names = (): string[] => api.store.list(CONFIGMAPS, 'default', () => true).map((o) => o.metadata.name ?? '');

    await core.deleteNamespacedConfigMap({ name: 'owner', namespace: 'default', propagationPolicy: 'Foreground' });
    // pod-b is gone; pod-a waits on its own finalizer, and the owner waits for pod-a.
    expect(names()).toEqual(['owner', 'pod-a']);
    const held = await core.readNamespacedConfigMap({ name: 'owner', namespace: 'default' });
    expect(held.metadata?.finalizers).toEqual(['foregroundDeletion']);
    expect(held.metadata?.deletionTimestamp).toBeDefined();
    await core.patchNamespacedConfigMap(
      { name: 'pod-a', namespace: 'default', body: { metadata: { finalizers: null } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    expect(names()).toEqual([]);

    const second = await core.createNamespacedConfigMap({ namespace: 'default', body: configMap('owner2') });
    await core.createNamespacedConfigMap({
      namespace: 'default',
      body: configMap('pod-c', { ownerReferences: [ownedBy(second)], finalizers: ['weft.dev/drain'] }),
    });
    await core.deleteNamespacedConfigMap({ name: 'owner2', namespace: 'default', propagationPolicy: 'Background' });
    expect(names()).toEqual(['pod-c']);
    expect(api.store.get(CONFIGMAPS, 'default', 'pod-c').metadata.deletionTimestamp).toBeDefined();
  });
});
