import { parseArgs } from 'node:util';
import { badInput, exitCodeOf, ExitCode } from '../core/errors.js';
import { formatError } from '../core/format-error.js';
import { COMMON_OPTIONS, type Command, type CommandIo } from './command.js';
import { renderCommandHelp, renderRootHelp } from './help.js';
import { commands as defaultCommands } from './registry.js';
import { closestMatch } from './suggest.js';
import { packageVersion } from './version.js';

/**
 * Runs `weft` with `argv` (without the node and script paths) and resolves to the exit code.
 * Never throws and never calls `process.exit`: errors are printed as one line on stderr (with
 * the stack under `--debug`) and mapped to exit codes 1 (internal) or 2 (bad input).
 */
export async function runCli(
  argv: readonly string[],
  io: CommandIo,
  commands: readonly Command[] = defaultCommands,
): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const first = argv[0];
    if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
      const topic = first === 'help' ? argv[1] : undefined;
      io.stdout.write(topic === undefined ? renderRootHelp(commands, packageVersion()) : renderCommandHelp(findCommand(topic, commands)));
      return ExitCode.OK;
    }
    if (first === '--version' || first === '-V') {
      io.stdout.write(`${packageVersion()}\n`);
      return ExitCode.OK;
    }
    if (first.startsWith('-') && first !== '--debug') {
      throw badInput('a command must come first', { field: 'command', value: first, expected: 'weft <command> [options]' });
    }
    const rest = first === '--debug' ? argv.slice(1) : argv;
    const command = findCommand(rest[0] ?? '', commands);
    const parsed = parseCommandArgs(command, rest.slice(1));
    if (parsed.values.help === true) {
      io.stdout.write(renderCommandHelp(command));
      return ExitCode.OK;
    }
    return await command.run({
      options: parsed.values,
      positionals: parsed.positionals,
      io,
      json: parsed.values.json === true,
      debug,
    });
  } catch (error) {
    io.stderr.write(`${formatError(error, { debug })}\n`);
    return exitCodeOf(error);
  }
}

function findCommand(name: string, commands: readonly Command[]): Command {
  const command = commands.find((c) => c.name === name || (c.aliases ?? []).includes(name));
  if (command !== undefined) return command;
  const names = commands.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  const suggestion = closestMatch(name, names);
  throw badInput(`unknown command${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`, {
    field: 'command',
    value: name,
    expected: `one of: ${commands.map((c) => c.name).join(', ')}`,
  });
}

function parseCommandArgs(
  command: Command,
  args: readonly string[],
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const specs = { ...command.options, ...COMMON_OPTIONS };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values, positionals };
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
    const known = Object.keys(specs).map((name) => `--${name}`);
    const suggestion = flag === undefined ? undefined : closestMatch(flag, known);
    throw badInput(
      flag !== undefined && message.includes('Unknown option')
        ? `unknown option for "weft ${command.name}"${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`
        : `bad arguments for "weft ${command.name}": ${message.split('\n')[0] ?? message}`,
      { field: flag ?? 'arguments', ...(flag === undefined ? {} : { value: flag }), expected: `weft ${command.name} ${command.usage}` },
    );
  }
}
