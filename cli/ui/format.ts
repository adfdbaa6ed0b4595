/** Text helpers shared by the views (pure, tested through the views). */

/** `1h02m03.456s` style simulated time. */
export function formatSimTime(timeNs: number): string {
  const totalSec = timeNs / 1e9;
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  const sec = seconds.toFixed(3).padStart(6, '0');
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, '0')}m${sec}s`;
  if (minutes > 0) return `${minutes}m${sec}s`;
  return `${seconds.toFixed(3)}s`;
}

export function formatSpeed(speed: number): string {
  return speed >= 1 ? `${speed}x` : `1/${Math.round(1 / speed)}x`;
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
