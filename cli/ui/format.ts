/** Text helpers shared by the views (pure, tested through the views). */

/**
 * `1h02m03.456s` style simulated time; below a second, `12.345ms` or `678.901µs` (packet-level
 * fabric runs last microseconds to milliseconds).
 */
export function formatSimTime(timeNs: number): string {
  if (timeNs > 0 && timeNs < 1e6) return `${(timeNs / 1e3).toFixed(3)}µs`;
  if (timeNs >= 1e6 && timeNs < 1e9) return `${(timeNs / 1e6).toFixed(3)}ms`;
  const totalSec = timeNs / 1e9;
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  const sec = seconds.toFixed(3).padStart(6, '0');
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m${sec}s`;
  if (minutes > 0) return `${minutes}m${sec}s`;
  return `${seconds.toFixed(3)}s`;
}

/**
 * `20x` at or above real time; below it, simulated time per wall second (`100µs/s`), which reads
 * better than a fraction for packet-level runs.
 */
export function formatSpeed(speed: number): string {
  if (speed >= 1) return `${speed}x`;
  return `${formatDuration(speed * 1e9)}/s`;
}

/** A duration in ns with the largest unit that keeps it >= 1: `1.5s`, `20ms`, `100µs`, `640ns`. */
export function formatDuration(ns: number): string {
  const units: [number, string][] = [[1e9, 's'], [1e6, 'ms'], [1e3, 'µs']];
  for (const [scale, unit] of units) if (Math.abs(ns) >= scale) return `${Number((ns / scale).toPrecision(3))}${unit}`;
  return `${Number(ns.toPrecision(3))}ns`;
}

/** Bytes in decimal units for queue depths: `512B`, `38.5KB`, `1.2MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toPrecision(3))}MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toPrecision(3))}KB`;
  return `${Math.round(bytes)}B`;
}

export function percent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A horizontal bar of `width` cells for a fraction in [0, 1]. */
export function bar(fraction: number, width: number, full = '█', empty = '░'): string {
  const clamped = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(clamped * width);
  return full.repeat(filled) + empty.repeat(width - filled);
}

/** Cuts or pads `text` to exactly `width` columns (ASCII-width assumption for names). */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  if (text.length <= width) return text.padEnd(width);
  return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
}
