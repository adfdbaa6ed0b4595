import { KubeConfig } from '@kubernetes/client-node';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeApiServer } from '../test/kube-apiserver/server.js';
import { waitUntil } from '../test/kube-apiserver/wait.js';
import { KubeClient } from './kube/client.js';
import { LeaderElection } from './leader-election.js';
import { LEASES, startCluster } from './testing/cluster.js';

const LEASE_MS = 2000;

describe('LeaderElection on a coordination.k8s.io Lease (2 s leases)', () => {
  let api: KubeApiServer | undefined;
  const electors: LeaderElection[] = [];

  afterEach(async () => {
    for (const e of electors.splice(0)) await e.stop();
    await api?.stop();
  });

  async function candidates(releaseOnStop: boolean): Promise<{ a: LeaderElection; b: LeaderElection; log: string[]; leaders: () => string[] }> {
    const cluster = await startCluster();
    api = cluster.api;
    const log: string[] = [];
    const leading = new Set<string>();
    const make = (identity: string): LeaderElection => {
      const e = new LeaderElection({
        client: new KubeClient(cluster.kubeConfig),
        namespace: 'weft-system',
        name: 'weft-operator',
        identity,
        leaseDurationMs: LEASE_MS,
        retryPeriodMs: 200,
        releaseOnStop,
        onStartedLeading: () => {
          // Invariant checked at every transition: never two leaders at once.
          expect([...leading]).toEqual([]);
          leading.add(identity);
          log.push(`${identity} leads at ${Date.now()}`);
        },
        onStoppedLeading: () => {
          leading.delete(identity);
          log.push(`${identity} stops at ${Date.now()}`);
        },
      });
      electors.push(e);
      return e;
    };
    return { a: make('a'), b: make('b'), log, leaders: () => [...leading] };
  }

  it('one of two candidates leads; the standby takes over within the lease duration after the leader dies', async () => {
    const { a, b, log, leaders } = await candidates(false);
    a.start();
    await waitUntil('a to lead', () => a.isLeader);
    b.start();
    // Several retry periods: b keeps seeing a renew, so it stays a standby.
    await new Promise((r) => setTimeout(r, 700));
    expect(leaders()).toEqual(['a']);
    const diedAt = Date.now();
    await a.stop(); // releaseOnStop false: the Lease stays held, as after a crash
    await waitUntil('b to take over', () => b.isLeader, 5000);
    const tookMs = Date.now() - diedAt;
    // At most the lease duration plus one retry period (b's clock starts at its last observation).
    expect(tookMs).toBeLessThanOrEqual(LEASE_MS + 200 + 300);
    expect(tookMs).toBeGreaterThanOrEqual(LEASE_MS - 700);
    const lease = api!.store.get(LEASES, 'weft-system', 'weft-operator');
    expect(lease.spec).toMatchObject({ holderIdentity: 'b', leaseDurationSeconds: 2, leaseTransitions: 1 });
    expect(log.map((l) => l.split(' at ')[0])).toEqual(['a leads', 'a stops', 'b leads']);
  });

  it('a leader that stops releases the Lease, so the standby takes over at its next attempt', async () => {
    const { a, b } = await candidates(true);
    a.start();
    await waitUntil('a to lead', () => a.isLeader);
    b.start();
    await new Promise((r) => setTimeout(r, 300));
    const stoppedAt = Date.now();
    await a.stop();
    await waitUntil('b to take over', () => b.isLeader, 5000);
    expect(Date.now() - stoppedAt).toBeLessThan(LEASE_MS / 2);
  });

  it('a leader that cannot renew stops leading before its lease could expire', async () => {
    const { a } = await candidates(true);
    a.start();
    await waitUntil('a to lead', () => a.isLeader);
    const downAt = Date.now();
    await api!.stop();
    await waitUntil('a to stop leading', () => !a.isLeader, 5000);
    // renewDeadline defaults to 2/3 of the lease: the leader gives up before a standby may take over.
    expect(Date.now() - downAt).toBeLessThan(LEASE_MS);
  });

  it('rejects bad timings, quoting them', () => {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromClusterAndUser({ name: 'c', server: 'http://127.0.0.1:1', skipTLSVerify: true }, { name: 'u' });
    const base = { client: new KubeClient(kubeConfig), namespace: 'n', name: 'l', identity: 'i', onStartedLeading: () => undefined, onStoppedLeading: () => undefined };
    expect(() => new LeaderElection({ ...base, leaseDurationMs: 500 })).toThrow('got 500');
    expect(() => new LeaderElection({ ...base, leaseDurationMs: 2000, renewDeadlineMs: 3000 })).toThrow('got 3000');
    expect(() => new LeaderElection({ ...base, identity: '' })).toThrow('identity');
  });
});
