/**
 * Why a pod stayed pending, aggregated the way `kubectl describe` shows it:
 * `0/1523 nodes are available: 1200 Insufficient GPU, 323 GPU type mismatch.`
 * Reasons are sorted by count (descending), then by name, so the text is deterministic.
 */
export class Diagnosis {
  readonly #counts = new Map<string, number>();
  readonly #nodeCount: number;
  #preFilterReason: string | undefined;

  constructor(nodeCount: number) {
    this.#nodeCount = nodeCount;
  }

  add(reason: string, nodes = 1): void {
    this.#counts.set(reason, (this.#counts.get(reason) ?? 0) + nodes);
  }

  /** A reason that rejected the pod before any node was looked at (quota, gang, pre-filter). */
  setPreFilterReason(reason: string): void {
    this.#preFilterReason = reason;
  }

  /** Node count per reason. */
  counts(): ReadonlyMap<string, number> {
    return this.#counts;
  }

  toString(): string {
    if (this.#preFilterReason !== undefined) return `0/${this.#nodeCount} nodes are available: ${this.#preFilterReason}.`;
    const parts = [...this.#counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r}`);
    return `0/${this.#nodeCount} nodes are available: ${parts.join(', ')}.`;
  }
}
