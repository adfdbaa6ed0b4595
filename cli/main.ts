#!/usr/bin/env node
// React, under the terminal UI, loads its development build (several times slower, with extra
// checks) unless NODE_ENV says otherwise; the CLI is a production program. Set it before the
// first import of React, hence the dynamic import.
process.env.NODE_ENV ??= 'production';
const { runCli } = await import('./run.js');

// The only place that touches the process: everything below is testable in-process.
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
