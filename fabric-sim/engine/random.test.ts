import { describe, expect, it } from 'vitest';
import { RandomStream } from './random.js';

function take(stream: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => stream.nextUint32());
}

function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, variance };
}

describe('RandomStream', () => {
  it('gives identical sequences for identical seeds and names', () => {
    expect(take(RandomStream.derive(42, 'a'), 100)).toEqual(take(RandomStream.derive(42, 'a'), 100));
    expect(take(RandomStream.derive('run-1', 'a'), 10)).toEqual(take(RandomStream.derive('run-1', 'a'), 10));
  });

  it('gives different sequences for different seeds or names, and children independent of draws', () => {
    const base = take(RandomStream.derive(42, 'a'), 10);
    expect(take(RandomStream.derive(43, 'a'), 10)).not.toEqual(base);
    expect(take(RandomStream.derive(42, 'b'), 10)).not.toEqual(base);
    expect(take(RandomStream.derive(2 ** 32 + 42, 'a'), 10)).not.toEqual(base);
    const parent = RandomStream.derive(42, 'a');
    const childBefore = take(parent.split('x'), 10);
    take(parent, 1000);
    expect(take(parent.split('x'), 10)).toEqual(childBefore);
    expect(take(parent.split('y'), 10)).not.toEqual(childBefore);
  });

  it('matches the reference xoshiro128** output for state [1, 2, 3, 4]', () => {
    // First outputs of the reference C implementation (prng.di.unimi.it/xoshiro128starstar.c).
    expect(take(RandomStream.fromState([1, 2, 3, 4]), 4)).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('pins the first values (a change here changes every simulation result)', () => {
    expect(take(RandomStream.derive(1, 'pin'), 4)).toEqual([1192238498, 1997823993, 4254745661, 541397567]);
    expect(RandomStream.derive(1, 'pin').uniform()).toBe(0.27758965987827355);
  });

  it('rejects bad seeds', () => {
    expect(() => RandomStream.derive(-1)).toThrow(/seed.*-1/);
    expect(() => RandomStream.derive(1.5)).toThrow(/seed.*1\.5/);
  });

  it('samples uniform, exponential, normal, lognormal and Pareto with the right moments', () => {
    const s = RandomStream.derive(7, 'moments');
    const n = 200_000;
    const uniform = moments(Array.from({ length: n }, () => s.uniform()));
    expect(uniform.mean).toBeCloseTo(0.5, 2);
    expect(uniform.variance).toBeCloseTo(1 / 12, 3);
    const exp = moments(Array.from({ length: n }, () => s.exponential(3)));
    expect(exp.mean).toBeGreaterThan(2.97);
    expect(exp.mean).toBeLessThan(3.03);
    expect(exp.variance / 9).toBeCloseTo(1, 1);
    const normal = moments(Array.from({ length: n }, () => s.normal(10, 2)));
    expect(normal.mean).toBeCloseTo(10, 1);
    expect(normal.variance).toBeGreaterThan(3.9);
    expect(normal.variance).toBeLessThan(4.1);
    const logn = moments(Array.from({ length: n }, () => s.lognormal(0, 0.5)));
    expect(logn.mean / Math.exp(0.125)).toBeCloseTo(1, 2);
    // Pareto with shape 3 has mean scale*3/2 and finite variance scale^2*3/4.
    const pareto = moments(Array.from({ length: n }, () => s.pareto(2, 3)));
    expect(pareto.mean / 3).toBeCloseTo(1, 1);
    expect(Math.min(...Array.from({ length: 1000 }, () => s.pareto(2, 3)))).toBeGreaterThanOrEqual(2);
  });

  it('draws unbiased integers over the whole inclusive range', () => {
    const s = RandomStream.derive(9, 'ints');
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[s.integer(1, 6) - 1]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => s.integer(3, 2)).toThrow(/low <= high/);
  });
});
