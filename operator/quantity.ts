import type { Quantity } from './kube/objects.js';

const BINARY: Readonly<Record<string, number>> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
const PATTERN = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

/**
 * The value of a Kubernetes quantity in base units (cores, bytes, GPUs): `"500m"` is 0.5,
 * `"64Gi"` is 68719476736, `"1e3"` is 1000, a bare number is itself.
 *
 * @example
 * parseQuantity('250m', 'resources.requests.cpu'); // 0.25
 * @throws RangeError naming `field`, quoting the value and the accepted forms.
 */
export function parseQuantity(value: Quantity, field: string): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${field}: expected a finite quantity, got ${value}`);
    return value;
  }
  const match = PATTERN.exec(value.trim());
  if (match === null) {
    throw new RangeError(`${field}: expected a quantity such as 500m, 8, 64Gi or 1e3, got ${JSON.stringify(value)}`);
  }
  const number = Number(match[1]);
  if (match[2] !== undefined) return number * 10 ** Number(match[2].slice(1));
  const suffix = match[3] ?? '';
  return number * (BINARY[suffix] ?? DECIMAL[suffix]!);
}

/** CPU in millicores, rounded up (a request of 0.1m still needs a millicore). */
export function cpuMilli(value: Quantity | undefined, field: string): number {
  return value === undefined ? 0 : Math.ceil(parseQuantity(value, field) * 1000 - 1e-9);
}

/** Memory in MiB, rounded up for requests; `floor` for capacity (never promise more than there is). */
export function memoryMiB(value: Quantity | undefined, field: string, rounding: 'ceil' | 'floor' = 'ceil'): number {
  if (value === undefined) return 0;
  const mib = parseQuantity(value, field) / 2 ** 20;
  return rounding === 'ceil' ? Math.ceil(mib - 1e-9) : Math.floor(mib + 1e-9);
}

/** A whole count (GPUs, pods); fractional values are an error. */
export function wholeCount(value: Quantity | undefined, field: string): number {
  if (value === undefined) return 0;
  const n = parseQuantity(value, field);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${field}: expected a whole non-negative count, got ${JSON.stringify(value)}`);
  return n;
}
