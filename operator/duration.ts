const UNIT_NS: Readonly<Record<string, number>> = { ns: 1, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * A duration such as `300ms`, `1.5s` or `250us` in nanoseconds, or undefined when the text is
 * not one (the caller reports it with the field name).
 *
 * @example
 * parseDurationNs('300ms'); // 300_000_000
 */
export function parseDurationNs(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)$/.exec(text.trim());
  if (match === null) return undefined;
  return Number(match[1]) * UNIT_NS[match[2]!]!;
}
