#!/usr/bin/env node
import { runCli } from './run.js';

// The only place that touches the process: everything below is testable in-process.
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
