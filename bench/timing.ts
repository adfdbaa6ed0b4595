/** Wall and CPU time of one call. */
export interface Timed<T> {
  readonly value: T;
  readonly wallMs: number;
  /**
   * User + system CPU time of the whole process during the call. On a shared, overloaded
   * machine wall time also counts the time other jobs held the cores; CPU time does not, so
   * both are reported.
   */
  readonly cpuMs: number;
}

/** Runs `fn` once and measures it. */
export function timed<T>(fn: () => T): Timed<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = fn();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Median (upper median for an even count). @throws RangeError for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}
