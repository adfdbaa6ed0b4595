const LEVELS = '▁▂▃▄▅▆▇█';

/**
 * The last `width` values as block characters scaled between the series' min and max (or
 * [0, max] when `fromZero`). Constant series render as the lowest level.
 */
export function sparkline(values: readonly number[], width: number, fromZero = true, scaleMax?: number): string {
  const tail = values.slice(-width);
  if (tail.length === 0) return '';
  const max = scaleMax ?? Math.max(...tail);
  const min = fromZero ? Math.min(0, ...tail) : Math.min(...tail);
  const span = max - min;
  return tail
    .map((v) => LEVELS[span === 0 ? 0 : Math.min(LEVELS.length - 1, Math.floor(((v - min) / span) * LEVELS.length))]!)
    .join('');
}
