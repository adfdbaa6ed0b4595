import { Box, Text, useApp } from 'ink';
import { useEffect, useReducer } from 'react';
import { CommandBarView } from '../components/command-bar/command-bar-view.js';
import { DescribeView } from '../components/describe/describe-view.js';
import { EventLogView } from '../components/event-log/event-log-view.js';
import { linkColumns, linkRowColor } from '../components/fabric-view/columns.js';
import { FabricSummaryView } from '../components/fabric-view/fabric-summary-view.js';
import { FabricView } from '../components/fabric-view/fabric-view.js';
import { GpuGridView } from '../components/gpu-grid/gpu-grid-view.js';
import { HeaderView } from '../components/header/header-view.js';
import { HelpView } from '../components/help/help-view.js';
import { nodeColumns } from '../components/nodes-table/columns.js';
import { SparklinesView } from '../components/sparkline/sparkline-view.js';
import { TableView, visibleRows } from '../components/table-view.js';
import { workloadColumns, workloadRowColor } from '../components/workloads-table/columns.js';
import type { DashboardSource } from '../model/source.js';
import type { DashboardSnapshot } from '../model/snapshot.js';
import { theme } from '../theme.js';
import { clampSelection, initialState, type DashboardState } from './state.js';
import { reduceKeyPress, useDashboardKeys } from './use-dashboard-keys.js';
import { useSnapshot } from './use-snapshot.js';
import { useTerminalSize } from './use-terminal-size.js';

export interface DashboardProps {
  source: DashboardSource;
  /** Redraws per second (the bounded refresh rate). */
  fps?: number;
  initialSpeed?: number;
}

/** The `weft ui` dashboard: header, the current view, and the command bar. */
export function Dashboard({ source, fps = 10, initialSpeed = 1 }: DashboardProps) {
  const [state, dispatch] = useReducer(reduceKeyPress, initialSpeed, initialState);
  const { snapshot, ended } = useSnapshot(source, state.paused, state.speed, fps);
  const { columns, rows } = useTerminalSize();
  const { exit } = useApp();
  useDashboardKeys(dispatch);
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);
  const bodyHeight = Math.max(4, rows - 3);
  return (
    <Box flexDirection="column" width={columns}>
      <HeaderView snapshot={snapshot} paused={state.paused || ended} speed={state.speed} />
      <Box flexDirection="column" height={bodyHeight} overflow="hidden">
        <Body state={state} snapshot={snapshot} width={columns} height={bodyHeight} />
      </Box>
      {ended ? <Text color={theme.warn}>simulation finished · q quit</Text> : <CommandBarView state={state} />}
    </Box>
  );
}

function Body({ state, snapshot, width, height }: { state: DashboardState; snapshot: DashboardSnapshot; width: number; height: number }) {
  const table = { filter: state.filter, sortKey: state.sortKey, sortDescending: state.sortDescending, selected: state.selected, height };
  switch (state.view) {
    case 'overview': {
      const gridRows = Math.max(2, Math.floor(height * 0.35));
      return (
        <Box flexDirection="column">
          <GpuGridView nodes={snapshot.nodes} width={width} maxRows={gridRows} />
          <TableView title="workloads" rows={snapshot.workloads} columns={workloadColumns} rowKey={(w) => w.name} rowColor={workloadRowColor} {...table} height={Math.max(3, Math.floor(height * 0.3))} />
          <Box>
            <Box flexDirection="column" width={Math.floor(width / 2)}>
              <FabricSummaryView links={snapshot.links} width={Math.floor(width / 2)} count={3} windowNs={snapshot.linkWindowNs} totals={snapshot.fabricTotals} />
            </Box>
            <SparklinesView series={snapshot.sloSeries} width={Math.floor(width / 2)} />
          </Box>
          <EventLogView events={snapshot.events} height={3} filter="" />
        </Box>
      );
    }
    case 'nodes':
      return <TableView title="nodes" rows={snapshot.nodes} columns={nodeColumns} rowKey={(n) => n.name} {...table} />;
    case 'workloads':
      return <TableView title="workloads" rows={snapshot.workloads} columns={workloadColumns} rowKey={(w) => w.name} rowColor={workloadRowColor} {...table} />;
    case 'links':
      return <TableView title="links" rows={snapshot.links} columns={linkColumns} rowKey={(l) => l.name} rowColor={linkRowColor} {...table} />;
    case 'fabric':
      return <FabricView snapshot={snapshot} width={width} height={height} />;
    case 'events':
      return <EventLogView events={snapshot.events} height={height - 1} filter={state.filter} />;
    case 'help':
      return <HelpView />;
    case 'describe':
      return <DescribeSelected state={state} snapshot={snapshot} />;
  }
}

function DescribeSelected({ state, snapshot }: { state: DashboardState; snapshot: DashboardSnapshot }) {
  const from = state.back.at(-1);
  const order = { filter: state.filter, sortKey: state.sortKey, sortDescending: state.sortDescending };
  const pick = <Row,>(rows: Row[]): Row | undefined => rows[clampSelection(state.selected, rows.length)];
  if (from === 'nodes') {
    const node = pick(visibleRows({ rows: snapshot.nodes, columns: nodeColumns, ...order }));
    if (node === undefined) return <Text color={theme.muted}>nothing selected</Text>;
    return (
      <DescribeView
        title={`node ${node.name}`}
        fields={[
          ['gpu type', node.gpuType],
          ['location', node.location],
          ...node.gpus.map((g, i) => [`gpu ${i}`, g.workload === undefined ? 'free' : `${g.workload} (${(g.allocated * 100).toFixed(0)}%${g.lent ? ', lent' : ''})`] as const),
        ]}
      />
    );
  }
  if (from === 'workloads') {
    const w = pick(visibleRows({ rows: snapshot.workloads, columns: workloadColumns, ...order }));
    if (w === undefined) return <Text color={theme.muted}>nothing selected</Text>;
    return <DescribeView title={`${w.kind} ${w.name}`} fields={workloadColumns.map((c) => [c.title, c.text(w)] as const)} />;
  }
  if (from === 'links') {
    const l = pick(visibleRows({ rows: snapshot.links, columns: linkColumns, ...order }));
    if (l === undefined) return <Text color={theme.muted}>nothing selected</Text>;
    return <DescribeView title={`link ${l.name}`} fields={linkColumns.map((c) => [c.title, c.text(l)] as const)} />;
  }
  return <Text color={theme.muted}>select a row in :nodes, :jobs or :links and press enter</Text>;
}
