/**
 * Inline SVG charts for the self-contained HTML reports: line charts (utilisation over time,
 * CDFs) and a scatter with a highlighted Pareto front (cost against completion time). Pure
 * string building: no script, no external file, deterministic output for the same data.
 */

export interface Series {
  readonly name: string;
  /** [x, y] points in data units, in x order. */
  readonly points: readonly (readonly [number, number])[];
}

export interface ChartOptions {
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Fixed y range (for ratios: [0, 1]); default from the data. */
  readonly yRange?: readonly [number, number];
}

export interface ScatterPoint {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  /** Drawn larger and joined by the front line. */
  readonly onFront: boolean;
  /** Drawn hollow (for example: misses its targets). */
  readonly hollow?: boolean;
}

const WIDTH = 640;
const HEIGHT = 320;
const MARGIN = { left: 64, right: 150, top: 32, bottom: 44 };
/** Colour-blind-safe palette (Okabe and Ito). */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A short number for axis ticks. */
function tick(x: number): string {
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (a >= 1e6) return `${+(x / 1e6).toPrecision(3)}M`;
  if (a >= 1e3) return `${+(x / 1e3).toPrecision(3)}k`;
  return String(+x.toPrecision(3));
}

function range(values: readonly number[], fixed?: readonly [number, number]): [number, number] {
  if (fixed !== undefined) return [fixed[0], fixed[1]];
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [0, 1];
  const lo = Math.min(0, ...finite);
  const hi = Math.max(...finite);
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

interface Frame {
  readonly sx: (x: number) => number;
  readonly sy: (y: number) => number;
  readonly svgHead: string;
}

function frame(options: ChartOptions, xs: readonly number[], ys: readonly number[]): Frame {
  const [x0, x1] = range(xs);
  const [y0, y1] = range(ys, options.yRange);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sx = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW;
  const sy = (y: number): number => MARGIN.top + plotH - ((y - y0) / (y1 - y0)) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const grid = ticks
    .map((t) => {
      const y = y0 + t * (y1 - y0);
      const x = x0 + t * (x1 - x0);
      return (
        `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotW}" y1="${sy(y).toFixed(1)}" y2="${sy(y).toFixed(1)}" class="grid"/>` +
        `<text x="${MARGIN.left - 6}" y="${(sy(y) + 4).toFixed(1)}" text-anchor="end">${tick(y)}</text>` +
        `<text x="${sx(x).toFixed(1)}" y="${MARGIN.top + plotH + 16}" text-anchor="middle">${tick(x)}</text>`
      );
    })
    .join('');
  const head =
    `<svg id="${escapeXml(options.id)}" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeXml(options.title)}">` +
    `<text x="${WIDTH / 2}" y="18" text-anchor="middle" class="title">${escapeXml(options.title)}</text>` +
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${plotW}" height="${plotH}" class="plot"/>${grid}` +
    `<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 8}" text-anchor="middle">${escapeXml(options.xLabel)}</text>` +
    `<text transform="translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`;
  return { sx, sy, svgHead: head };
}

function legend(names: readonly string[]): string {
  return names
    .map((name, i) => {
      const y = MARGIN.top + 10 + 18 * i;
      const x = WIDTH - MARGIN.right + 12;
      return `<line x1="${x}" x2="${x + 18}" y1="${y}" y2="${y}" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="3"/><text x="${x + 24}" y="${y + 4}">${escapeXml(name)}</text>`;
    })
    .join('');
}

/** One polyline per series. */
export function lineChart(options: ChartOptions, series: readonly Series[]): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const f = frame(options, xs, ys);
  const lines = series
    .map((s, i) => {
      const points = s.points.map(([x, y]) => `${f.sx(x).toFixed(1)},${f.sy(y).toFixed(1)}`).join(' ');
      return `<polyline class="series" fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2" points="${points}"><title>${escapeXml(s.name)}</title></polyline>`;
    })
    .join('');
  return `${f.svgHead}${lines}${legend(series.map((s) => s.name))}</svg>`;
}

/** Points with labels; the front points joined in x order. */
export function scatterChart(options: ChartOptions, points: readonly ScatterPoint[]): string {
  const f = frame(options, points.map((p) => p.x), points.map((p) => p.y));
  const front = points.filter((p) => p.onFront).sort((a, b) => a.x - b.x);
  const frontLine = front.length > 1
    ? `<polyline class="front" fill="none" stroke="${COLOURS[1]}" stroke-width="2" stroke-dasharray="6 4" points="${front.map((p) => `${f.sx(p.x).toFixed(1)},${f.sy(p.y).toFixed(1)}`).join(' ')}"/>`
    : '';
  const dots = points
    .map((p) => {
      const colour = p.onFront ? COLOURS[1]! : COLOURS[0]!;
      const fill = p.hollow === true ? 'none' : colour;
      return `<circle class="point" cx="${f.sx(p.x).toFixed(1)}" cy="${f.sy(p.y).toFixed(1)}" r="${p.onFront ? 6 : 4}" fill="${fill}" stroke="${colour}" stroke-width="2"><title>${escapeXml(p.label)}</title></circle>`;
    })
    .join('');
  const key =
    `<circle cx="${WIDTH - MARGIN.right + 20}" cy="${MARGIN.top + 10}" r="6" fill="${COLOURS[1]}"/><text x="${WIDTH - MARGIN.right + 32}" y="${MARGIN.top + 14}">Pareto front</text>` +
    `<circle cx="${WIDTH - MARGIN.right + 20}" cy="${MARGIN.top + 28}" r="4" fill="none" stroke="${COLOURS[0]}" stroke-width="2"/><text x="${WIDTH - MARGIN.right + 32}" y="${MARGIN.top + 32}">misses target</text>`;
  return `${f.svgHead}${frontLine}${dots}${key}</svg>`;
}

/** Styles shared by the reports (inline, so the file stands alone). */
export const REPORT_CSS = `
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; } th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
svg.chart { display: block; margin: 1em 0; font-size: 11px; }
svg.chart .title { font-size: 14px; font-weight: 600; }
svg.chart .plot { fill: #fafafa; stroke: #999; }
svg.chart .grid { stroke: #e2e2e2; }
p.note { color: #555; font-size: 0.9em; }
`;

/**
 * A check the page runs on itself: each chart's drawn marks get their bounding box written to
 * `data-rendered`, so a headless browser's DOM dump shows the charts were laid out.
 */
export const RENDER_CHECK_SCRIPT = `
for (const svg of document.querySelectorAll('svg.chart')) {
  const marks = svg.querySelectorAll('polyline.series, circle.point');
  let area = 0;
  for (const m of marks) { const b = m.getBBox(); area += b.width + b.height; }
  svg.setAttribute('data-rendered', marks.length + ':' + Math.round(area));
}
document.body.setAttribute('data-charts', String(document.querySelectorAll('svg.chart[data-rendered]').length));
`;
