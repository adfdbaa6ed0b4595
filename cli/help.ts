import { COMMON_OPTIONS, type Command, type OptionSpec } from './command.js';

/** `weft --help`: every command with its summary, global flags and examples. */
export function renderRootHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  const lines = [
    `weft ${version}: AI compute-fabric simulator and GPU cluster scheduler`,
    '',
    'Usage: weft <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Global options:',
    '  -h, --help     show help (weft <command> --help for a command)',
    '  -V, --version  print the version',
    '  --debug        show stack traces of errors',
    '',
    'Exit codes: 0 success, 1 internal error, 2 bad input, 3 a target (SLO, deadline) was missed.',
    '',
    'Examples:',
    ...commands.flatMap((c) => c.examples.slice(0, 1).map((e) => `  ${e.command.padEnd(40)}# ${e.comment}`)),
  ];
  return `${lines.join('\n')}\n`;
}

/** `weft <command> --help`. */
export function renderCommandHelp(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const rows = Object.entries(options).map(([name, spec]) => [flagText(name, spec), optionText(spec)] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const lines = [
    `Usage: weft ${command.name} ${command.usage}`.trimEnd(),
    '',
    command.description ?? command.summary,
  ];
  if (command.aliases !== undefined && command.aliases.length > 0) lines.push('', `Aliases: ${command.aliases.join(', ')}`);
  lines.push('', 'Options:', ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`));
  lines.push('', 'Examples:', ...command.examples.map((e) => `  # ${e.comment}\n  ${e.command}`));
  return `${lines.join('\n')}\n`;
}

function flagText(name: string, spec: OptionSpec): string {
  const short = spec.short === undefined ? '    ' : `-${spec.short}, `;
  const value = spec.type === 'string' ? ` ${spec.placeholder ?? '<value>'}` : '';
  return `${short}--${name}${value}`;
}

function optionText(spec: OptionSpec): string {
  return spec.defaultText === undefined ? spec.description : `${spec.description} (default ${spec.defaultText})`;
}
