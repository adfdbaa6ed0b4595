import { afterEach, describe, expect, it } from 'vitest';
import { EVERYTHING } from '../test/kube-apiserver/selectors.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import type { KubeApiServer } from '../test/kube-apiserver/server.js';
import { Informer, type InformerEvent } from './informer.js';
import { KubeClient } from './kube/client.js';
import type { NodeObject } from './kube/objects.js';
import { addNode, NODES, startCluster } from './testing/cluster.js';

describe('Informer', () => {
  let api: KubeApiServer | undefined;
  let informer: Informer<NodeObject> | undefined;

  afterEach(async () => {
    await informer?.stop();
    await api?.stop();
  });

  async function setUp(historyWindow = 1000): Promise<{ api: KubeApiServer; informer: Informer<NodeObject>; events: string[] }> {
    const cluster = await startCluster({ historyWindow });
    api = cluster.api;
    const client = new KubeClient(cluster.kubeConfig);
    informer = new Informer<NodeObject>({ kubeConfig: cluster.kubeConfig, path: '/api/v1/nodes', list: () => client.listNodes(), backoff: { initialMs: 20, maxMs: 200 } });
    const events: string[] = [];
    informer.on((event: InformerEvent, node) => events.push(`${event} ${node.metadata.name}`));
    return { api, informer, events };
  }

  const names = (i: Informer<NodeObject>): string[] => i.list().map((n) => n.metadata.name).sort();
  const stored = (a: KubeApiServer): string[] => a.store.list(NODES, undefined, EVERYTHING).map((n) => n.metadata.name ?? '').sort();

  it('lists, then watches adds, updates and deletes', async () => {
    const { api, informer, events } = await setUp();
    addNode(api, { name: 'a', gpus: 8 });
    await informer.start();
    expect(informer.synced).toBe(true);
    expect(names(informer)).toEqual(['a']);
    addNode(api, { name: 'b', gpus: 8 });
    const b = api.store.get(NODES, undefined, 'b');
    api.store.update(NODES, undefined, 'b', { ...b, metadata: { ...b.metadata, labels: { x: 'y' } } });
    api.store.delete(NODES, undefined, 'a');
    await waitUntil('the delete of a', () => events.includes('delete a'));
    expect(events).toEqual(['add a', 'add b', 'update b', 'delete a']);
    expect(informer.get('b')?.metadata.labels).toEqual({ x: 'y' });
  });

  it('relists on 410 Gone after a dropped watch and compaction: nothing lost, nothing duplicated, vanished objects deleted', async () => {
    const { api, informer, events } = await setUp(3);
    for (const name of ['a', 'b', 'c']) addNode(api, { name, gpus: 8 });
    await informer.start();
    await waitUntil('a watch', () => api.openWatches === 1);
    // One tick: the watch drops, objects change beyond the history window, history is compacted,
    // so the re-watch from the informer's resourceVersion is sure to get 410.
    api.dropWatches();
    api.store.delete(NODES, undefined, 'a');
    for (const name of ['d', 'e', 'f', 'g']) addNode(api, { name, gpus: 4 });
    api.store.compact();
    await waitUntil('the relist', () => names(informer).join() === stored(api).join(), 5000);
    expect(api.requests.some((r) => r.resource === 'nodes' && r.verb === 'watch' && r.code === 200)).toBe(true);
    const lists = api.requests.filter((r) => r.resource === 'nodes' && r.verb === 'list').length;
    expect(lists).toBe(2);
    expect(events.filter((e) => e.startsWith('add ')).sort()).toEqual(['add a', 'add b', 'add c', 'add d', 'add e', 'add f', 'add g']);
    expect(events).toContain('delete a');
    expect(names(informer)).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('restarts after the API server goes away and comes back with its state kept', async () => {
    const { api, informer } = await setUp();
    addNode(api, { name: 'a', gpus: 8 });
    await informer.start();
    await waitUntil('a watch', () => api.openWatches === 1);
    await api.stop();
    // Down long enough for the re-watch to fail with connection refused at least once.
    await new Promise((r) => setTimeout(r, 150));
    await api.restart();
    addNode(api, { name: 'b', gpus: 8 });
    await waitUntil('the informer to catch up', () => names(informer).join() === 'a,b', 5000);
    expect(informer.restarts).toBeGreaterThan(0);
  });
});
