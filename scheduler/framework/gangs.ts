/** A pod group that binds all-or-nothing: at least `minMember` members, or none. */
export interface GangSpec {
  readonly name: string;
  readonly minMember: number;
  /** How long reserved members wait at permit for the rest before the gang is released. */
  readonly timeoutNs: number;
}

/**
 * The gangs the scheduler knows, with their member pod names. Shared by the coscheduling
 * (permit) and topology (score) plugins and filled when workloads are expanded into pods.
 *
 * @example
 * const gangs = new GangDirectory();
 * gangs.register({ name: 'job-1', minMember: 4, timeoutNs: 30e9 }, ['job-1-0', 'job-1-1', 'job-1-2', 'job-1-3']);
 */
export class GangDirectory {
  readonly #gangs = new Map<string, { spec: GangSpec; members: string[] }>();

  /** @throws RangeError for a duplicate gang, a bad minMember or timeout, or fewer members than minMember. */
  register(spec: GangSpec, members: readonly string[]): void {
    if (this.#gangs.has(spec.name)) throw new RangeError(`gang ${JSON.stringify(spec.name)} is already registered`);
    if (!Number.isInteger(spec.minMember) || spec.minMember < 1) throw new RangeError(`gang ${spec.name}: minMember must be an integer >= 1, got ${spec.minMember}`);
    if (!(spec.timeoutNs > 0)) throw new RangeError(`gang ${spec.name}: timeoutNs must be > 0, got ${spec.timeoutNs}`);
    if (members.length < spec.minMember) throw new RangeError(`gang ${spec.name} has ${members.length} members, fewer than minMember ${spec.minMember}`);
    this.#gangs.set(spec.name, { spec, members: [...members] });
  }

  unregister(name: string): void {
    this.#gangs.delete(name);
  }

  spec(name: string): GangSpec | undefined {
    return this.#gangs.get(name)?.spec;
  }

  members(name: string): readonly string[] {
    return this.#gangs.get(name)?.members ?? [];
  }
}
