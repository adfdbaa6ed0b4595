import { expect } from 'vitest';
import { PassThrough } from 'node:stream';
import { runCli } from '../run.js';

/** A `weft` run in progress: the exit code once it ends, and what it wrote so far. */
export interface StartedCli {
  done: Promise<number>;
  out: () => string;
  err: () => string;
}

/** What a finished `weft` run wrote, and its exit code. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * Starts `weft <args>` in-process on captured stdout and stderr (test helper). For commands
 * that keep running (the operator), read `out()`/`err()` while waiting on `done`.
 */
export function startCli(args: readonly string[]): StartedCli {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { done: runCli(args, { stdout, stderr }), out: () => out, err: () => err };
}

/** Runs `weft <args>` in-process to its end (test helper). */
export async function cli(args: readonly string[]): Promise<CliResult> {
  const run = startCli(args);
  const code = await run.done;
  return { code, out: run.out(), err: run.err() };
}

/**
 * Runs `weft <args>` expecting bad input: exit 2, nothing on stdout and exactly one line on
 * stderr, which it returns for the caller to check (test helper).
 */
export async function rejectsWithOneLine(args: readonly string[]): Promise<string> {
  const { code, out, err } = await cli(args);
  expect(code).toBe(2);
  expect(out).toBe('');
  expect(err.trim().split('\n')).toHaveLength(1);
  return err.trim();
}
