/** A plain-text table with a header rule; numbers right-aligned, text left-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+\d.,%eE]+$/.test(r[i] ?? '')));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (numeric[i] === true ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[render(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(render)].join('\n')}\n`;
}
