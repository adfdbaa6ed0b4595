/**
 * The one error type of Weft. Every failure a person can cause (a bad flag, a malformed config,
 * a trace row that does not parse) is a `WeftError` with code `BAD_INPUT` that says what was
 * wrong, where, the bad value and what was expected; `formatError` turns it into one line.
 * Anything else that escapes is an internal error.
 */

/** Exit status of every `weft` command. */
export const ExitCode = {
  /** The command did what was asked and every target was met. */
  OK: 0,
  /** A bug or an unexpected environment failure. */
  INTERNAL: 1,
  /** The input (flags, config, trace, CRD) is invalid. */
  BAD_INPUT: 2,
  /** The command ran, but a target (an SLO, a deadline) was missed. */
  TARGET_MISSED: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type WeftErrorCode = 'BAD_INPUT' | 'INTERNAL' | 'TARGET_MISSED';

/** Where a bad value was found. Every part is optional; give as many as are known. */
export interface ErrorLocation {
  /** File path as the user gave it. */
  file?: string;
  /** 1-based line. */
  line?: number;
  /** 1-based column. */
  column?: number;
  /** Dotted path of the field, for example `servers[2].gpuType`, or a flag such as `--seed`. */
  field?: string;
}

export interface WeftErrorDetails extends ErrorLocation {
  /** The offending value, as found (it is rendered with `JSON.stringify`). */
  value?: unknown;
  /** What would have been accepted, in words: `a positive integer`, `one of: a, b`. */
  expected?: string;
  /** Underlying error, kept for `--debug`. */
  cause?: unknown;
}

/**
 * An error with an exit code and a location.
 *
 * @example
 * throw new WeftError('BAD_INPUT', 'unknown GPU type', {
 *   file: 'cluster.yaml', line: 12, field: 'servers[0].gpuType', value: 'h1000', expected: 'one of: a100, h100',
 * });
 */
export class WeftError extends Error {
  readonly code: WeftErrorCode;
  readonly details: WeftErrorDetails;

  constructor(code: WeftErrorCode, message: string, details: WeftErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'WeftError';
    this.code = code;
    this.details = details;
  }

  /** The process exit status this error maps to. */
  get exitCode(): ExitCode {
    switch (this.code) {
      case 'BAD_INPUT':
        return ExitCode.BAD_INPUT;
      case 'TARGET_MISSED':
        return ExitCode.TARGET_MISSED;
      case 'INTERNAL':
        return ExitCode.INTERNAL;
    }
  }
}

/** Shorthand for the most common error: bad input from a person. */
export function badInput(message: string, details: WeftErrorDetails = {}): WeftError {
  return new WeftError('BAD_INPUT', message, details);
}

/** Exit code for anything thrown: a WeftError's own, otherwise INTERNAL. */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof WeftError ? error.exitCode : ExitCode.INTERNAL;
}
