/**
 * The package as users get it: `npm pack`, installed into an empty folder, gives a working
 * `npx aethr` without any other dependency (the CLI bundle is self-contained), and importing the
 * package never runs the Action. A fresh clone's `npm install` leaves the lock file as committed.
 * Also the release plan the release workflow runs.
 */
import { describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
  });

describe('the published package', () => {
  it('npm pack, install the tarball, npx aethr --help', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aethr-pack-'));
    const packed = npm(['pack', '--silent', '--pack-destination', dir], process.cwd());
    expect(packed.status).toBe(0);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const listing = execFileSync('tar', ['tzf', join(dir, tarball)], { encoding: 'utf8' });
    expect(listing).toContain('package/dist/cli/index.js');
    expect(listing).toContain('package/presets/review-existing-diff.yaml');
    expect(listing).toContain('package/schema/aethr.schema.json');
    expect(listing).not.toMatch(/package\/(src|__tests__|dist\/index\.js)/);

    const app = join(dir, 'app');
    cpSync(join(dir, tarball), join(dir, 'pkg.tgz'));
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}\n');
    const installed = npm(
      ['install', '--offline', '--no-save', '--loglevel=error', join(dir, 'pkg.tgz')],
      app,
    );
    expect([installed.status, installed.stderr]).toEqual([0, '']);

    const help = npm(['exec', '--offline', '--', 'aethr', '--help'], app);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: aethr <command>/);
    const init = npm(['exec', '--offline', '--', 'aethr', 'init', 'review-existing-diff'], app);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('Next: npx aethr run');

    // Importing the package does not start the Action (which would read the runner's inputs).
    const imported = spawnSync(
      process.execPath,
      ['-e', "import('aethr-action').then(() => console.log('ran'), (e) => console.log(e.code))"],
      { cwd: app, encoding: 'utf8' },
    );
    expect(imported.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
    const schema = spawnSync(
      process.execPath,
      [
        '-e',
        "import('aethr-action/schema.json', { with: { type: 'json' } }).then((m) => console.log(m.default.$id))",
      ],
      { cwd: app, encoding: 'utf8' },
    );
    expect(schema.stdout.trim()).toMatch(
      /^https:\/\/raw\.githubusercontent\.com\/aethr-dev\/aethr-action\/v1\//,
    );
  });

  it('a fresh clone keeps the committed lock file', () => {
    const clone = mkdtempSync(join(tmpdir(), 'aethr-clone-'));
    const cloned = spawnSync('git', ['clone', '-q', '--no-hardlinks', resolve('.'), clone], {
      encoding: 'utf8',
    });
    expect(cloned.status).toBe(0);
    // Resolving the tree from the committed package.json and lock changes nothing in it.
    const install = npm(
      [
        'install',
        '--package-lock-only',
        '--ignore-scripts',
        '--prefer-offline',
        '--loglevel=error',
      ],
      clone,
    );
    expect(install.status).toBe(0);
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' })).toBe(
      '',
    );
  });
});

describe('scripts/release.mjs plan', () => {
  function project(version: string, changelog: string) {
    const dir = mkdtempSync(join(tmpdir(), 'aethr-release-'));
    execFileSync('git', ['init', '-q', dir]);
    execFileSync('mkdir', ['-p', join(dir, 'src')]);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ version }));
    writeFileSync(join(dir, 'src', 'version.ts'), `export const VERSION = '${version}';\n`);
    writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
    return dir;
  }
  const plan = (dir: string) => {
    const output = join(dir, 'out.txt');
    writeFileSync(output, '');
    const done = spawnSync(
      process.execPath,
      [resolve('scripts/release.mjs'), 'plan', '--notes', join(dir, 'notes.md')],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_OUTPUT: output },
      },
    );
    return { ...done, output: readFileSync(output, 'utf8') };
  };

  it('gives the tag, the major tag and the CHANGELOG section', () => {
    const dir = project(
      '2.3.4',
      '# Changelog\n\n## [Unreleased]\n\n## [2.3.4]\n\n- Fixed it.\n\n## [2.3.3]\n\n- Old.\n',
    );
    const done = plan(dir);
    expect(done.status).toBe(0);
    expect(done.output).toBe('tag=v2.3.4\nmajor=v2\n');
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe('- Fixed it.\n');
  });

  it('refuses a version without notes, a mismatched version.ts, or an existing tag', () => {
    expect(plan(project('2.3.5', '## [2.3.4]\n\n- x\n')).stderr).toMatch(
      /no "## \[2\.3\.5\]" section/,
    );
    const mismatch = project('2.3.4', '## [2.3.4]\n\n- x\n');
    writeFileSync(join(mismatch, 'src', 'version.ts'), "export const VERSION = '2.3.3';\n");
    expect(plan(mismatch).stderr).toMatch(/src\/version\.ts does not say 2\.3\.4/);
    const tagged = project('2.3.4', '## [2.3.4]\n\n- x\n');
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'x'],
      { cwd: tagged },
    );
    execFileSync('git', ['tag', 'v2.3.4'], { cwd: tagged });
    const done = plan(tagged);
    expect(done.status).toBe(1);
    expect(done.stderr).toMatch(/the tag v2\.3\.4 exists already/);
  });

  it('agrees with this repository: package.json, version.ts and CHANGELOG.md', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(readFileSync('CHANGELOG.md', 'utf8')).toContain(`## [${version}]`);
  });
});
