import { badInput } from '../../core/errors.js';
import { gpuRows } from '../../gpu-model/index.js';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

/** `weft gpu list`: the GPU catalog with a source per figure group. */
export const gpuCommand: Command = {
  name: 'gpu',
  summary: 'GPU catalog: dense FLOP/s, HBM, NVLink, PCIe and price, with sources',
  usage: 'list [options]',
  description:
    'Lists every GPU type the cost model knows: dense bf16/fp8 tensor-core TFLOP/s, HBM size and\n' +
    'bandwidth, NVLink bandwidth per direction and domain size, PCIe per direction, and the\n' +
    'default price per GPU-hour (an assumption; override with --price in weft model estimate).\n' +
    'Rows marked approximate come from secondary reports; every row cites its sources.',
  examples: [
    { command: 'weft gpu list', comment: 'the catalog as a table with its sources' },
    { command: 'weft gpu list --json', comment: 'the catalog as JSON' },
  ],
  options: {},
  run({ positionals, io, json }) {
    const [sub, ...extra] = positionals;
    if (sub !== 'list') throw badInput('unknown gpu subcommand', { field: 'subcommand', value: sub ?? '', expected: 'list' });
    if (extra.length > 0) throw badInput('unexpected argument', { field: 'arguments', value: extra[0], expected: 'weft gpu list' });
    const rows = gpuRows();
    if (json) {
      io.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    io.stdout.write(
      formatTable(
        ['gpu', 'bf16 TFLOP/s', 'fp8 TFLOP/s', 'HBM GB', 'HBM GB/s', 'NVLink GB/s/dir', 'domain', 'PCIe GB/s/dir', 'USD/h'],
        rows.map((g) => [
          g.approximate ? `${g.name} (approx.)` : g.name,
          g.bf16DenseTflops.toFixed(1),
          g.fp8DenseTflops === null ? '-' : g.fp8DenseTflops.toFixed(1),
          g.hbmGB.toFixed(0),
          g.hbmBandwidthGBps.toFixed(0),
          g.nvlinkGBpsPerDirection.toFixed(0),
          String(g.nvlinkDomainSize),
          g.pcieGBpsPerDirection.toFixed(0),
          g.pricePerGpuHourUsd.toFixed(2),
        ]),
      ),
    );
    io.stdout.write('\nAll FLOP/s are dense (datasheets print 2:4 sparsity first); bandwidths are per direction.\nSources:\n');
    for (const g of rows) {
      io.stdout.write(`  ${g.name}: compute: ${g.sources.compute}; memory: ${g.sources.memory}; interconnect: ${g.sources.interconnect}; price: ${g.sources.price}\n`);
    }
    return 0;
  },
};
