import type { Writable } from 'node:stream';

/** One option of a command, as `node:util` parseArgs understands it plus help text. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help, for example `<file>` or `<n>`. */
  placeholder?: string;
  description: string;
  /** Default shown in help (a string option's default is applied by the command). */
  defaultText?: string;
}

/** Where a command writes: injected so tests capture output and the CLI uses the process. */
export interface CommandIo {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

/** What a command receives once its flags have parsed. */
export interface CommandContext {
  /** Parsed flags, keyed by long name. */
  options: Record<string, string | boolean | undefined>;
  /** Positional arguments after the command name. */
  positionals: string[];
  io: CommandIo;
  /** True when `--json` was given: print one JSON document on stdout and nothing else there. */
  json: boolean;
  /** True when `--debug` was given. */
  debug: boolean;
}

/**
 * A `weft` subcommand. Later capabilities add theirs to the registry (`cli/registry.ts`); every
 * one gets `--help`, `--json`, `--seed` and `--debug` from the runner, so flags stay consistent.
 */
export interface Command {
  name: string;
  aliases?: readonly string[];
  /** One line, shown in `weft --help`. */
  summary: string;
  /** Usage after `weft <name>`, for example `[options] <scenario.yaml>`. */
  usage: string;
  /** Longer description for `weft <name> --help`. */
  description?: string;
  /** Example invocations, each with a comment; at least one. */
  examples: readonly { command: string; comment: string }[];
  options: Readonly<Record<string, OptionSpec>>;
  /** Resolves to the exit code (0 ok, 3 target missed); bad input throws a WeftError. */
  run(context: CommandContext): Promise<number> | number;
}

/** Options every command accepts; the runner adds them. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', description: 'show help for this command' },
  json: { type: 'boolean', description: 'print the result as one JSON document on stdout' },
  seed: { type: 'string', placeholder: '<n>', description: 'seed of every random stream', defaultText: '1' },
  debug: { type: 'boolean', description: 'show stack traces of errors' },
};
