import { parseScenario } from '../../fabric-sim/scenario.js';
import { runPacket } from './fabric-packet.js';

/**
 * `node fabric-packet-child.js '<scenario JSON>'`: one packet-level run of the fabric benchmark
 * in a process of its own (so its peak RSS is its own); prints the `PacketRun` as JSON.
 */
const input = process.argv[2];
if (input === undefined) {
  process.stderr.write('usage: fabric-packet-child.js <scenario as JSON>\n');
  process.exitCode = 2;
} else {
  process.stdout.write(`${JSON.stringify(runPacket(parseScenario(JSON.parse(input))))}\n`);
}
