import type { ServingReplica } from './replica.js';
import type { Sequence } from './sequence.js';

/** How a request picks its replica. */
export type RoutingPolicy = 'round-robin' | 'least-outstanding' | 'least-kv' | 'prefix-affinity';

export const ROUTING_POLICIES: readonly RoutingPolicy[] = ['round-robin', 'least-outstanding', 'least-kv', 'prefix-affinity'];

/**
 * Picks a replica for each request:
 * - `round-robin`: in turn;
 * - `least-outstanding`: fewest requests routed and not yet finished (ties: lowest index);
 * - `least-kv`: lowest KV-cache load, blocks in use over the pool size (ties: fewest
 *   outstanding, then lowest index);
 * - `prefix-affinity`: the replica caching the longest prefix of the request's prompt, among
 *   replicas whose outstanding count is within `affinitySlack` of the least loaded (the
 *   balance threshold of cache-aware routers such as SGLang's), else least outstanding.
 */
export class Router {
  readonly policy: RoutingPolicy;
  readonly #replicas: readonly ServingReplica[];
  readonly #affinitySlack: number;
  #next = 0;

  constructor(policy: RoutingPolicy, replicas: readonly ServingReplica[], affinitySlack = 8) {
    if (replicas.length === 0) throw new RangeError('Router needs at least one replica, got none');
    if (!Number.isInteger(affinitySlack) || affinitySlack < 0) {
      throw new RangeError(`Router affinitySlack must be an integer >= 0, got ${String(affinitySlack)}`);
    }
    this.policy = policy;
    this.#replicas = replicas;
    this.#affinitySlack = affinitySlack;
  }

  /** The replica for `s`. */
  pick(s: Sequence): ServingReplica {
    const replicas = this.#replicas;
    switch (this.policy) {
      case 'round-robin': {
        // The set may shrink under a controller: wrap the cursor to it.
        const r = replicas[this.#next % replicas.length]!;
        this.#next = (this.#next + 1) % replicas.length;
        return r;
      }
      case 'least-outstanding':
        return this.#min((r) => r.outstanding);
      case 'least-kv':
        return this.#min((r) => r.pool.usedBlocks / r.pool.blocks + r.outstanding * 1e-9);
      case 'prefix-affinity': {
        const least = this.#min((r) => r.outstanding);
        if (s.blockKeys.length === 0) return least;
        let best = least;
        let bestHits = least.pool.cachedPrefixBlocks(s.blockKeys);
        for (const r of replicas) {
          if (r.outstanding > least.outstanding + this.#affinitySlack) continue;
          const hits = r.pool.cachedPrefixBlocks(s.blockKeys);
          if (hits > bestHits || (hits === bestHits && r.outstanding < best.outstanding)) {
            best = r;
            bestHits = hits;
          }
        }
        return best;
      }
    }
  }

  #min(score: (r: ServingReplica) => number): ServingReplica {
    let best = this.#replicas[0]!;
    let bestScore = score(best);
    for (let i = 1; i < this.#replicas.length; i++) {
      const r = this.#replicas[i]!;
      const v = score(r);
      if (v < bestScore) {
        best = r;
        bestScore = v;
      }
    }
    return best;
  }
}
