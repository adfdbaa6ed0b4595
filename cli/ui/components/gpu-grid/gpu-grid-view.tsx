import { Box, Text } from 'ink';
import { fit } from '../../format.js';
import type { NodeView } from '../../model/snapshot.js';
import { theme } from '../../theme.js';
import { cellAppearance } from './cells.js';

/**
 * Consecutive cells of one look merged into one run: one Ink element per run instead of per
 * GPU keeps a redraw of hundreds of GPUs cheap.
 */
function cellRuns(node: NodeView): { glyphs: string; color: string; dim: boolean }[] {
  const runs: { glyphs: string; color: string; dim: boolean }[] = [];
  for (const cell of node.gpus) {
    const look = cellAppearance(cell);
    const last = runs.at(-1);
    if (last !== undefined && last.color === look.color && last.dim === look.dim) last.glyphs += look.glyph;
    else runs.push({ glyphs: look.glyph, color: look.color, dim: look.dim });
  }
  return runs;
}

/**
 * Node x GPU grid. Nodes are laid out in as many columns as the width allows; rows beyond
 * `maxRows` are summarised, so the grid never pushes the rest of the screen off.
 */
export function GpuGridView({ nodes, width, maxRows, selected }: { nodes: readonly NodeView[]; width: number; maxRows: number; selected?: number }) {
  if (nodes.length === 0) return <Text color={theme.muted}>no nodes</Text>;
  const nameWidth = Math.min(16, Math.max(...nodes.map((n) => n.name.length)));
  const gpuWidth = Math.max(...nodes.map((n) => n.gpus.length));
  const cellWidth = nameWidth + 1 + gpuWidth + 2;
  const columns = Math.max(1, Math.floor(width / cellWidth));
  const rows = Math.ceil(nodes.length / columns);
  const shownRows = Math.min(rows, Math.max(1, maxRows));
  const lines = [];
  for (let r = 0; r < shownRows; r++) {
    const entries = [];
    for (let c = 0; c < columns; c++) {
      const index = r * columns + c;
      const node = nodes[index];
      if (node === undefined) break;
      entries.push(
        <Text key={node.name}>
          <Text color={index === selected ? theme.selection : theme.muted} inverse={index === selected}>
            {fit(node.name, nameWidth)}
          </Text>{' '}
          {cellRuns(node).map((run, r) => (
            <Text key={r} color={run.color} dimColor={run.dim}>
              {run.glyphs}
            </Text>
          ))}
          {' '.repeat(gpuWidth - node.gpus.length + 2)}
        </Text>,
      );
    }
    lines.push(<Box key={r}>{entries}</Box>);
  }
  return (
    <Box flexDirection="column">
      {lines}
      {shownRows < rows ? <Text color={theme.muted}>… {nodes.length - shownRows * columns} more nodes (:nodes to list all)</Text> : null}
    </Box>
  );
}
