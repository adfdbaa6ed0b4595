import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli-harness.js';

const output = async (...argv: string[]) => {
  const { code, out } = await cli(argv);
  return { code, text: out };
};

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
    expect(probe('weft demo --sc')).toBe('--scale');
    expect(probe('weft demo --se')).toBe('--seed');
  });

  it('generates zsh and rejects other shells with exit 2', async () => {
    const zsh = await output('completion', 'zsh');
    expect(zsh.code).toBe(0);
    expect(zsh.text).toContain('#compdef weft');
    expect((await output('completion', 'fish')).code).toBe(2);
  });
});
