/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call --
   Reply bodies are arbitrary JSON (http-client.ts types them loosely); every access is asserted. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { WIDGET_CRD_YAML } from './fixtures.js';
import { call, openWatch } from './http-client.js';
import { KubeApiServer } from './server.js';
import { waitUntil } from './wait.js';

const PODS = '/api/v1/namespaces/default/pods';
const CMS = '/api/v1/namespaces/default/configmaps';
const WIDGETS = '/apis/example.com/v1/namespaces/default/widgets';

let api: KubeApiServer;
const req = (method: string, path: string, body?: unknown, type?: string) => call(api.url, method, path, body, type);

beforeEach(async () => {
  api = await KubeApiServer.start({ historyWindow: 1000 });
});

afterEach(async () => {
  await api.stop();
});

function pod(name: string, labels: Record<string, string> = {}): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels }, spec: { containers: [{ name: 'c', image: 'x' }] } };
}

async function createWidgetCrd(): Promise<void> {
  const r = await req('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', parseYaml(WIDGET_CRD_YAML));
  expect(r.code).toBe(201);
}

describe('CRUD semantics', () => {
  it('stamps resourceVersion from one global counter, uid, creationTimestamp and generation', async () => {
    const a = await req('POST', PODS, pod('a'));
    const b = await req('POST', CMS, { metadata: { name: 'b' }, data: {} });
    expect(a.code).toBe(201);
    expect(a.body.metadata).toMatchObject({ name: 'a', namespace: 'default', resourceVersion: '1', generation: 1 });
    expect(a.body.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.body.status.phase).toBe('Pending');
    expect(b.body.metadata.resourceVersion).toBe('2');
    const list = await req('GET', PODS);
    expect(list.body).toMatchObject({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '2' } });
  });

  it('answers 404 NotFound and 409 AlreadyExists as Status objects', async () => {
    const missing = await req('GET', `${PODS}/nope`);
    expect(missing.code).toBe(404);
    expect(missing.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'pods "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', group: '', kind: 'pods' },
      code: 404,
    });
    await req('POST', PODS, pod('a'));
    const dup = await req('POST', PODS, pod('a'));
    expect(dup.code).toBe(409);
    expect(dup.body).toMatchObject({ reason: 'AlreadyExists', message: 'pods "a" already exists' });
    const unknown = await req('GET', '/apis/example.com/v1/namespaces/default/widgets');
    expect(unknown.code).toBe(404);
  });

  it('rejects a stale update with 409 Conflict and accepts an unconditional one', async () => {
    const created = await req('POST', CMS, { metadata: { name: 'x' }, data: { v: '1' } });
    const ok = await req('PUT', `${CMS}/x`, { ...created.body, data: { v: '2' } });
    expect(ok.code).toBe(200);
    const stale = await req('PUT', `${CMS}/x`, { ...created.body, data: { v: '3' } });
    expect(stale.code).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    const blind = await req('PUT', `${CMS}/x`, { metadata: { name: 'x' }, data: { v: '4' } });
    expect(blind.code).toBe(200);
    expect(blind.body.metadata.uid).toBe(created.body.metadata.uid);
  });

  it('applies merge, JSON and strategic-merge patches; a patch with a stale resourceVersion conflicts', async () => {
    await req('POST', CMS, { metadata: { name: 'p', labels: { a: '1' } }, data: { x: '1', y: '2' } });
    const merge = await req('PATCH', `${CMS}/p`, { data: { y: null, z: '3' } }, 'application/merge-patch+json');
    expect(merge.body.data).toEqual({ x: '1', z: '3' });
    const json = await req('PATCH', `${CMS}/p`, [{ op: 'replace', path: '/data/x', value: '9' }, { op: 'remove', path: '/metadata/labels/a' }], 'application/json-patch+json');
    expect(json.body.data).toEqual({ x: '9', z: '3' });
    expect(json.body.metadata.labels).toEqual({});
    const smp = await req('PATCH', `${CMS}/p`, { metadata: { labels: { b: '2' } } }, 'application/strategic-merge-patch+json');
    expect(smp.body.metadata.labels).toEqual({ b: '2' });
    const stale = await req('PATCH', `${CMS}/p`, { metadata: { resourceVersion: '1' }, data: { x: '0' } }, 'application/merge-patch+json');
    expect(stale.code).toBe(409);
    const failedTest = await req('PATCH', `${CMS}/p`, [{ op: 'test', path: '/data/x', value: 'no' }], 'application/json-patch+json');
    expect(failedTest.code).toBe(422);
    const bad = await req('PATCH', `${CMS}/p`, {}, 'text/plain');
    expect(bad.code).toBe(415);
  });

  it('bumps generation on spec changes only; the status subresource changes only status', async () => {
    await createWidgetCrd();
    const w = await req('POST', WIDGETS, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { replicas: 1 }, status: { phase: 'Ignored' } });
    expect(w.code).toBe(201);
    expect(w.body.status).toBeUndefined();
    const st = await req('PUT', `${WIDGETS}/w/status`, { ...w.body, spec: { replicas: 5 }, status: { phase: 'Ready', observedGeneration: 1 } });
    expect(st.body).toMatchObject({ spec: { replicas: 1 }, status: { phase: 'Ready' }, metadata: { generation: 1 } });
    const main = await req('PATCH', `${WIDGETS}/w`, { spec: { replicas: 2 }, status: { phase: 'Nope' } }, 'application/merge-patch+json');
    expect(main.body).toMatchObject({ spec: { replicas: 2 }, status: { phase: 'Ready' }, metadata: { generation: 2 } });
    const labels = await req('PATCH', `${WIDGETS}/w`, { metadata: { labels: { l: '1' } } }, 'application/merge-patch+json');
    expect(labels.body.metadata.generation).toBe(2);
    // A no-op write keeps the resourceVersion.
    const noop = await req('PATCH', `${WIDGETS}/w`, { spec: { replicas: 2 } }, 'application/merge-patch+json');
    expect(noop.body.metadata.resourceVersion).toBe(labels.body.metadata.resourceVersion);
  });

  it('binds a pod once through the binding subresource', async () => {
    await req('POST', PODS, pod('a'));
    const bind = await req('POST', `${PODS}/a/binding`, { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'a' }, target: { kind: 'Node', name: 'n1' } });
    expect(bind.code).toBe(201);
    const got = await req('GET', `${PODS}/a`);
    expect(got.body.spec.nodeName).toBe('n1');
    expect(got.body.status.conditions).toContainEqual(expect.objectContaining({ type: 'PodScheduled', status: 'True' }));
    const again = await req('POST', `${PODS}/a/binding`, { target: { kind: 'Node', name: 'n2' } });
    expect(again.code).toBe(409);
    expect(again.body.message).toContain('already assigned to node "n1"');
  });

  it('serves namespaced and cluster-scoped paths', async () => {
    expect((await req('POST', '/api/v1/nodes', { metadata: { name: 'n1' } })).code).toBe(201);
    expect((await req('GET', '/api/v1/nodes/n1')).body.metadata.namespace).toBeUndefined();
    expect((await req('GET', '/api/v1/namespaces/default/nodes/n1')).code).toBe(404);
    await req('POST', PODS, pod('a'));
    await req('POST', '/api/v1/namespaces/other/pods', pod('b'));
    expect((await req('GET', '/api/v1/pods')).body.items).toHaveLength(2);
    expect((await req('GET', PODS)).body.items).toHaveLength(1);
    const lease = await req('POST', '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases', { metadata: { name: 'l' }, spec: { holderIdentity: 'me' } });
    expect(lease.body).toMatchObject({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease' });
    const job = await req('POST', '/apis/batch/v1/namespaces/default/jobs', {
      metadata: { name: 'j' },
      spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
    });
    expect(job.body.kind).toBe('Job');
    const ev = await req('POST', '/api/v1/namespaces/default/events', { metadata: { name: 'e' }, reason: 'Scheduled', involvedObject: { kind: 'Pod', name: 'a' } });
    expect(ev.code).toBe(201);
    const byField = await req('GET', '/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Da');
    expect(byField.body.items).toHaveLength(1);
  });
});

describe('finalizers and garbage collection', () => {
  it('keeps an object with finalizers until they are removed', async () => {
    await req('POST', CMS, { metadata: { name: 'f', finalizers: ['x/y'] } });
    const del = await req('DELETE', `${CMS}/f`);
    expect(del.code).toBe(200);
    expect(del.body.metadata.deletionTimestamp).toBeDefined();
    const again = await req('DELETE', `${CMS}/f`);
    expect(again.body.metadata.resourceVersion).toBe(del.body.metadata.resourceVersion);
    const add = await req('PATCH', `${CMS}/f`, { metadata: { finalizers: ['x/y', 'x/z'] } }, 'application/merge-patch+json');
    expect(add.code).toBe(422);
    const release = await req('PATCH', `${CMS}/f`, { metadata: { finalizers: null } }, 'application/merge-patch+json');
    expect(release.code).toBe(200);
    expect((await req('GET', `${CMS}/f`)).code).toBe(404);
  });

  it('deletes dependents in the background and orphans them on request', async () => {
    const owner = await req('POST', CMS, { metadata: { name: 'owner' } });
    const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.body.metadata.uid as string };
    await req('POST', PODS, { ...(pod('child') as object), metadata: { name: 'child', ownerReferences: [ref] } });
    await req('POST', CMS, { metadata: { name: 'grandchild', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'child', uid: (await req('GET', `${PODS}/child`)).body.metadata.uid as string }] } });
    await req('DELETE', `${CMS}/owner`, { propagationPolicy: 'Background' });
    expect((await req('GET', `${PODS}/child`)).code).toBe(404);
    expect((await req('GET', `${CMS}/grandchild`)).code).toBe(404);

    const o2 = await req('POST', CMS, { metadata: { name: 'o2' } });
    await req('POST', PODS, { ...(pod('kept') as object), metadata: { name: 'kept', ownerReferences: [{ ...ref, name: 'o2', uid: o2.body.metadata.uid as string }] } });
    await req('DELETE', `${CMS}/o2?propagationPolicy=Orphan`);
    const kept = await req('GET', `${PODS}/kept`);
    expect(kept.code).toBe(200);
    expect(kept.body.metadata.ownerReferences).toBeUndefined();
  });
});

describe('custom resources', () => {
  it('serves a CR as soon as its CRD exists, enforces the schema, and stops serving it when the CRD goes', async () => {
    expect((await req('GET', WIDGETS)).code).toBe(404);
    await createWidgetCrd();
    const crd = await req('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com');
    expect(crd.body.status.conditions).toContainEqual(expect.objectContaining({ type: 'Established', status: 'True' }));
    const bad = await req('POST', WIDGETS, { metadata: { name: 'w' }, spec: { replicas: -1, size: 'huge', tags: [1] } });
    expect(bad.code).toBe(422);
    expect(bad.body.details.causes).toEqual([
      expect.objectContaining({ field: 'spec.replicas', message: expect.stringContaining('greater than or equal to 0') as string }),
      expect.objectContaining({ field: 'spec.size', reason: 'FieldValueNotSupported' }),
      expect.objectContaining({ field: 'spec.tags[0]', reason: 'FieldValueTypeInvalid' }),
    ]);
    const missing = await req('POST', WIDGETS, { metadata: { name: 'w' }, spec: {} });
    expect(missing.body.details.causes).toEqual([expect.objectContaining({ field: 'spec.replicas', reason: 'FieldValueRequired' })]);
    const pruned = await req('POST', WIDGETS, { metadata: { name: 'w' }, spec: { replicas: 1, junk: 1, extra: { any: { thing: 1 } } } });
    expect(pruned.body.spec).toEqual({ replicas: 1, extra: { any: { thing: 1 } } });
    const strict = await req('POST', `${WIDGETS}?fieldValidation=Strict`, { metadata: { name: 'w2' }, spec: { replicas: 1, junk: 1 } });
    expect(strict.code).toBe(400);
    expect(strict.body.message).toBe('strict decoding error: unknown field "spec.junk"');
    const update = await req('PATCH', `${WIDGETS}/w`, { spec: { replicas: 'many' } }, 'application/merge-patch+json');
    expect(update.code).toBe(422);
    await req('DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com');
    expect((await req('GET', `${WIDGETS}/w`)).code).toBe(404);
    expect(api.store.all().filter((e) => e.key === 'example.com/widgets')).toEqual([]);
  });

  it('serves a cluster-scoped CR at cluster paths only; dryRun stores nothing', async () => {
    const crd = parseYaml(WIDGET_CRD_YAML.replaceAll('widget', 'gadget').replaceAll('Widget', 'Gadget').replace('shortNames: [wd]', 'shortNames: [gd]').replace('scope: Namespaced', 'scope: Cluster')) as unknown;
    expect((await req('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd)).code).toBe(201);
    const base = '/apis/example.com/v1/gadgets';
    const dry = await req('POST', `${base}?dryRun=All`, { metadata: { name: 'g' }, spec: { replicas: 1 } });
    expect(dry.code).toBe(201);
    expect((await req('GET', `${base}/g`)).code).toBe(404);
    const g = await req('POST', base, { metadata: { name: 'g' }, spec: { replicas: 1 } });
    expect(g.body.metadata.namespace).toBeUndefined();
    expect((await req('GET', `${base}/g`)).code).toBe(200);
    expect((await req('GET', '/apis/example.com/v1/namespaces/default/gadgets/g')).code).toBe(404);
  });

  it('rejects a malformed CRD', async () => {
    const r = await req('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { metadata: { name: 'x.example.com' }, spec: { group: 'example.com', names: { plural: 'y', kind: 'Y' }, scope: 'Namespaced', versions: [] } });
    expect(r.code).toBe(422);
    expect(r.body.message).toContain('metadata.name');
  });
});

describe('list and watch', () => {
  it('filters lists by label and field selectors', async () => {
    await req('POST', PODS, pod('a', { app: 'web', tier: 'front' }));
    await req('POST', PODS, pod('b', { app: 'db' }));
    await req('POST', PODS, pod('c', {}));
    await req('POST', `${PODS}/b/binding`, { target: { name: 'n1' } });
    const names = async (q: string): Promise<string[]> =>
      ((await req('GET', `${PODS}?${q}`)).body.items as { metadata: { name: string } }[]).map((p) => p.metadata.name);
    expect(await names('labelSelector=app%3Dweb')).toEqual(['a']);
    expect(await names('labelSelector=app!%3Dweb')).toEqual(['b', 'c']);
    expect(await names(`labelSelector=${encodeURIComponent('app in (web,db)')}`)).toEqual(['a', 'b']);
    expect(await names(`labelSelector=${encodeURIComponent('app notin (web)')}`)).toEqual(['b', 'c']);
    expect(await names('labelSelector=tier')).toEqual(['a']);
    expect(await names('labelSelector=!app')).toEqual(['c']);
    expect(await names('fieldSelector=spec.nodeName%3Dn1')).toEqual(['b']);
    expect(await names('fieldSelector=spec.nodeName%3D')).toEqual(['a', 'c']);
    expect(await names('fieldSelector=metadata.name%3Dc,status.phase%3DPending')).toEqual(['c']);
    const bad = await req('GET', `${PODS}?fieldSelector=spec.image%3Dx`);
    expect(bad.code).toBe(400);
    expect(bad.body.message).toBe('field label not supported: spec.image');
  });

  it('replays history from a resourceVersion, then streams live events, with bookmarks', async () => {
    const a = await req('POST', CMS, { metadata: { name: 'a' } });
    await req('PATCH', `${CMS}/a`, { data: { k: 'v' } }, 'application/merge-patch+json');
    await req('DELETE', `${CMS}/a`);
    const w = await openWatch(api.url, `${CMS}?watch=true&allowWatchBookmarks=true&resourceVersion=${a.body.metadata.resourceVersion as string}`);
    try {
      await waitUntil('replay', () => w.events.length === 2);
      expect(w.events.map((e) => e.type)).toEqual(['MODIFIED', 'DELETED']);
      await req('POST', CMS, { metadata: { name: 'b' } });
      await waitUntil('live ADDED', () => w.events.length === 3);
      expect(w.events[2]).toMatchObject({ type: 'ADDED', object: { kind: 'ConfigMap', metadata: { name: 'b', resourceVersion: '4' } } });
      api.sendBookmarks();
      await waitUntil('bookmark', () => w.events.length === 4);
      expect(w.events[3]).toEqual({ type: 'BOOKMARK', object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { resourceVersion: '4' } } });
    } finally {
      w.close();
    }
  });

  it('translates selector moves into ADDED and DELETED', async () => {
    await req('POST', PODS, pod('a', { app: 'web' }));
    const w = await openWatch(api.url, `${PODS}?watch=true&labelSelector=app%3Dweb`);
    try {
      await waitUntil('initial ADDED', () => w.events.length === 1);
      await req('PATCH', `${PODS}/a`, { metadata: { labels: { app: 'db' } } }, 'application/merge-patch+json');
      await req('PATCH', `${PODS}/a`, { metadata: { labels: { app: 'web' } } }, 'application/merge-patch+json');
      await waitUntil('moves', () => w.events.length === 3);
      expect(w.events.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
    } finally {
      w.close();
    }
  });

  it('sends an ERROR event with a 410 Expired Status for a resourceVersion older than the history window', async () => {
    api.store.setHistoryWindow(2);
    for (const n of ['a', 'b', 'c', 'd']) await req('POST', CMS, { metadata: { name: n } });
    const w = await openWatch(api.url, `${CMS}?watch=true&resourceVersion=1`);
    await waitUntil('stream end', () => w.ended());
    expect(w.events).toEqual([
      {
        type: 'ERROR',
        object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'too old resource version: 1 (2)', reason: 'Expired', code: 410 },
      },
    ]);
    const ok = await openWatch(api.url, `${CMS}?watch=true&resourceVersion=2`);
    await waitUntil('replay', () => ok.events.length === 2);
    ok.close();
  });

  it('serves Tables for kubectl, with CRD printer columns', async () => {
    await createWidgetCrd();
    await req('POST', WIDGETS, { metadata: { name: 'w' }, spec: { replicas: 2, size: 'large' } });
    const t = await call(api.url, 'GET', WIDGETS, undefined, undefined, 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json');
    expect(t.body.kind).toBe('Table');
    expect((t.body.columnDefinitions as { name: string }[]).map((c) => c.name)).toEqual(['Name', 'Replicas', 'Size', 'Phase', 'Age']);
    expect(t.body.rows[0].cells.slice(0, 4)).toEqual(['w', 2, 'large', null]);
    expect(t.body.rows[0].object.kind).toBe('PartialObjectMetadata');
  });
});

describe('server-side apply', () => {
  it('creates on first apply; the same manager drops what it stops applying, another manager adds its own', async () => {
    const type = 'application/apply-patch+yaml';
    const cm = (data: Record<string, string>): unknown => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ssa' }, data });
    const first = await req('PATCH', `${CMS}/ssa?fieldManager=weft`, cm({ a: '1' }), type);
    expect(first.code).toBe(201);
    const other = await req('PATCH', `${CMS}/ssa?fieldManager=other`, cm({ c: '3' }), type);
    expect(other.body.data).toEqual({ a: '1', c: '3' });
    const second = await req('PATCH', `${CMS}/ssa?fieldManager=weft`, cm({ b: '2' }), type);
    expect(second.code).toBe(200);
    expect(second.body.data).toEqual({ b: '2', c: '3' });
    expect(second.body.metadata.managedFields).toMatchObject([
      { manager: 'weft', operation: 'Apply', apiVersion: 'v1', fieldsV1: { 'f:data': { 'f:b': {} } } },
      { manager: 'other', operation: 'Apply', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:c': {} } } },
    ]);
    // A no-op apply changes nothing, not even the resourceVersion.
    const again = await req('PATCH', `${CMS}/ssa?fieldManager=weft`, cm({ b: '2' }), type);
    expect(again.body.metadata.resourceVersion).toBe(second.body.metadata.resourceVersion);
  });
});

describe('discovery', () => {
  it('serves /api, /apis, resource lists, /version and the OpenAPI v3 index', async () => {
    await createWidgetCrd();
    expect((await req('GET', '/api')).body.versions).toEqual(['v1']);
    const groups = (await req('GET', '/apis')).body.groups as { name: string }[];
    expect(groups.map((g) => g.name)).toEqual(['coordination.k8s.io', 'batch', 'apiextensions.k8s.io', 'example.com']);
    const core = (await req('GET', '/api/v1')).body.resources as { name: string }[];
    expect(core.map((r) => r.name)).toEqual(expect.arrayContaining(['pods', 'pods/status', 'pods/binding', 'nodes', 'events', 'configmaps']));
    const ex = await req('GET', '/apis/example.com/v1');
    expect(ex.body.resources).toContainEqual(expect.objectContaining({ name: 'widgets', kind: 'Widget', namespaced: true, shortNames: ['wd'] }));
    expect(ex.body.resources).toContainEqual(expect.objectContaining({ name: 'widgets/status' }));
    expect((await req('GET', '/version')).body.major).toBe('1');
    expect(Object.keys((await req('GET', '/openapi/v3')).body.paths as object)).toContain('apis/example.com/v1');
    expect((await req('GET', '/apis/nope/v1')).code).toBe(404);
  });
});

describe('faults', () => {
  it('records every request with verb, resource and namespace', async () => {
    await req('POST', PODS, pod('a'));
    await req('GET', '/api/v1/pods');
    await req('DELETE', `${PODS}/a`);
    await req('GET', '/api');
    expect(api.requests.map(({ verb, resource, namespace, code }) => ({ verb, resource, namespace, code }))).toEqual([
      { verb: 'create', resource: 'pods', namespace: 'default', code: 201 },
      { verb: 'list', resource: 'pods', namespace: undefined, code: 200 },
      { verb: 'delete', resource: 'pods', namespace: 'default', code: 200 },
      { verb: 'get', resource: undefined, namespace: undefined, code: 200 },
    ]);
  });

  it('answers 429 with Retry-After, then recovers', async () => {
    api.faults.throttle(2, 3, (r) => r.resource === 'pods');
    const first = await req('GET', PODS);
    expect(first.code).toBe(429);
    expect(first.headers['retry-after']).toBe('3');
    expect(first.body).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 3 } });
    expect((await req('GET', '/api/v1/nodes')).code).toBe(200);
    expect((await req('GET', PODS)).code).toBe(429);
    expect((await req('GET', PODS)).code).toBe(200);
  });

  it('delays matching responses', async () => {
    api.faults.delay(150, (r) => r.verb === 'list');
    const t0 = Date.now();
    await req('GET', PODS);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    const t1 = Date.now();
    await req('GET', `${PODS}/x`);
    expect(Date.now() - t1).toBeLessThan(140);
    api.faults.clear();
  });

  it('drops open watches, cleanly or abruptly', async () => {
    const a = await openWatch(api.url, `${CMS}?watch=true`);
    const b = await openWatch(api.url, `${PODS}?watch=true`);
    await waitUntil('two watches', () => api.openWatches === 2);
    expect(api.dropWatches()).toBe(2);
    await waitUntil('both ended', () => a.ended() && b.ended());
    const c = await openWatch(api.url, `${CMS}?watch=true`);
    await waitUntil('one watch', () => api.openWatches === 1);
    api.dropWatches({ abrupt: true });
    await waitUntil('ended', () => c.ended());
  });

  it('restarts keeping state and history, compacted, or from a snapshot, on the same port', async () => {
    await req('POST', CMS, { metadata: { name: 'a' } });
    const snap = api.snapshot();
    await req('POST', CMS, { metadata: { name: 'b' } });
    const url = api.url;
    const w = await openWatch(api.url, `${CMS}?watch=true`);
    await api.restart();
    await waitUntil('watch cut', () => w.ended());
    expect(api.url).toBe(url);
    expect(((await req('GET', CMS)).body.items as unknown[]).length).toBe(2);
    const replay = await openWatch(api.url, `${CMS}?watch=true&resourceVersion=1`);
    await waitUntil('replay after restart', () => replay.events.length === 1);
    expect(replay.events[0]).toMatchObject({ type: 'ADDED', object: { metadata: { name: 'b' } } });
    replay.close();
    await api.restart({ compact: true });
    const old = await openWatch(api.url, `${CMS}?watch=true&resourceVersion=1`);
    await waitUntil('410', () => old.ended());
    expect(old.events[0]?.object.code).toBe(410);
    await api.restart({ snapshot: snap });
    const after = await req('GET', CMS);
    expect((after.body.items as { metadata: { name: string } }[]).map((o) => o.metadata.name)).toEqual(['a']);
    expect(after.body.metadata.resourceVersion).toBe('1');
    expect((await req('POST', CMS, { metadata: { name: 'c' } })).body.metadata.resourceVersion).toBe('2');
  });

  it('closes every socket on stop', async () => {
    const w = await openWatch(api.url, `${CMS}?watch=true`);
    await waitUntil('watch', () => api.openWatches === 1);
    await api.stop();
    await waitUntil('ended', () => w.ended());
    await expect(req('GET', CMS)).rejects.toThrow();
    api = await KubeApiServer.start();
  });
});
