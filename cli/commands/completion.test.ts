import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run.js';

async function output(...argv: string[]): Promise<{ code: number; text: string }> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
  const code = await runCli(argv, { stdout, stderr: new PassThrough() });
  return { code, text: chunks.join('') };
}

describe('weft completion', () => {
  it('generates a bash script that completes commands and flags in a real bash', async () => {
    const { code, text } = await output('completion', 'bash');
    expect(code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'weft-completion-'));
    const script = join(dir, 'weft.bash');
    writeFileSync(script, text);
    const probe = (words: string): string =>
      execFileSync('bash', ['-c', `source ${script}; COMP_WORDS=(${words}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); _weft; echo "\${COMPREPLY[*]}"`], {
        encoding: 'utf8',
      }).trim();
    expect(probe('weft de')).toBe('demo deploy');
    expect(probe('weft dem')).toBe('demo');
    expect(probe('weft demo --se').split(' ')).toEqual(['--servers', '--seed']);
  });

  it('generates zsh and rejects other shells with exit 2', async () => {
    const zsh = await output('completion', 'zsh');
    expect(zsh.code).toBe(0);
    expect(zsh.text).toContain('#compdef weft');
    expect((await output('completion', 'fish')).code).toBe(2);
  });
});
