import { badInput } from '../../core/errors.js';

/** Latency targets of a deployment, p99 over requests, in nanoseconds. Absent targets are not checked. */
export interface SloTargets {
  /** Time to first token. */
  readonly ttftP99Ns?: number;
  /** Time per output token after the first (mean inter-token gap of one request). */
  readonly tpotP99Ns?: number;
  /** End-to-end latency of a request. */
  readonly e2eP99Ns?: number;
}

const KEYS = { 'ttft-p99': 'ttftP99Ns', 'tpot-p99': 'tpotP99Ns', 'e2e-p99': 'e2eP99Ns' } as const;
type SloKey = keyof typeof KEYS;

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * Parses a duration such as `300ms`, `1.5s`, `250us` or `2m` into nanoseconds.
 * @throws WeftError BAD_INPUT naming `field`, the value and the accepted forms.
 */
export function parseDurationNs(text: string, field: string): number {
  const match = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(text.trim());
  const value = match === null ? Number.NaN : Number(match[1]) * UNIT_NS[match[2]!]!;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw badInput('malformed duration', { field, value: text, expected: 'a positive number with a unit: ns, us, ms, s, m or h (for example 300ms)' });
  }
  return value;
}

/**
 * Parses `ttft-p99=300ms,tpot-p99=50ms[,e2e-p99=20s]` (the `--slo` flag).
 * @example
 * parseSlo('ttft-p99=300ms,tpot-p99=50ms'); // { ttftP99Ns: 3e8, tpotP99Ns: 5e7 }
 * @throws WeftError BAD_INPUT for an unknown key, a repeated key, a malformed duration or no target.
 */
export function parseSlo(text: string, field = '--slo'): SloTargets {
  const targets: Record<string, number> = {};
  for (const part of text.split(',')) {
    const [key, value, ...rest] = part.split('=').map((s) => s.trim());
    if (key === undefined || key === '' || value === undefined || rest.length > 0) {
      throw badInput('malformed SLO target', { field, value: part, expected: 'key=duration, for example ttft-p99=300ms' });
    }
    if (!(key in KEYS)) {
      throw badInput('unknown SLO target', { field, value: key, expected: `one of ${Object.keys(KEYS).join(', ')}` });
    }
    const name = KEYS[key as SloKey];
    if (name in targets) throw badInput('SLO target given twice', { field, value: key, expected: 'each target once' });
    targets[name] = parseDurationNs(value, `${field} ${key}`);
  }
  if (Object.keys(targets).length === 0) {
    throw badInput('no SLO target', { field, value: text, expected: 'at least one of ttft-p99, tpot-p99, e2e-p99' });
  }
  return targets;
}

/** `ttft-p99=300ms,...` for reports. */
export function formatSlo(slo: SloTargets): string {
  const parts: string[] = [];
  if (slo.ttftP99Ns !== undefined) parts.push(`ttft-p99=${slo.ttftP99Ns / 1e6}ms`);
  if (slo.tpotP99Ns !== undefined) parts.push(`tpot-p99=${slo.tpotP99Ns / 1e6}ms`);
  if (slo.e2eP99Ns !== undefined) parts.push(`e2e-p99=${slo.e2eP99Ns / 1e6}ms`);
  return parts.join(',');
}
