/**
 * Colours and glyphs of the dashboard, in one place so views stay free of styling decisions.
 * Colours are Ink/chalk colour names.
 */
export const theme = {
  title: 'cyanBright',
  muted: 'gray',
  good: 'green',
  warn: 'yellow',
  bad: 'red',
  selection: 'blue',
  lent: 'magenta',
  /** Workload colours, picked by a stable hash of the workload name. */
  workloadPalette: ['green', 'cyan', 'yellow', 'blue', 'magenta', 'greenBright', 'cyanBright', 'yellowBright'] as const,
  glyph: {
    fullGpu: '█',
    partialGpu: '▄',
    freeGpu: '·',
    lentGpu: 'L',
    barFull: '█',
    barEmpty: '░',
  },
} as const;

/** Stable colour for a workload name (same name, same colour, across runs). */
export function workloadColor(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) >>> 0;
  return theme.workloadPalette[hash % theme.workloadPalette.length]!;
}

/** Green below 60%, yellow below 85%, red above: for utilisation and attainment shortfalls. */
export function loadColor(fraction: number): string {
  if (fraction < 0.6) return theme.good;
  if (fraction < 0.85) return theme.warn;
  return theme.bad;
}
