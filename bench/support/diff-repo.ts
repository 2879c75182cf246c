/** A repository whose working tree differs from HEAD by 5,000 lines, with a review workflow. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function repoWith5000LineDiff(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aethr-bench-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir });
  git('init', '-q');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'user.name', 'Bench');
  const lines = (tag: string) =>
    Array.from({ length: 2500 }, (_, i) => `export const value${i} = '${tag}-${i}';`).join('\n') +
    '\n';
  writeFileSync(join(dir, 'values.ts'), lines('old'));
  git('add', '.');
  git('commit', '-qm', 'init');
  writeFileSync(join(dir, 'values.ts'), lines('new')); // 2,500 removed + 2,500 added lines
  copyFileSync(resolve('presets/review-existing-diff.yaml'), join(dir, '.aethr.yaml'));
  git('add', '.aethr.yaml');
  git('commit', '-qm', 'workflow', '--', '.aethr.yaml');
  return dir;
}
