// Plans a release from the repository's own files (run by .github/workflows/release.yml):
//   node scripts/release.mjs plan [--notes FILE]
// Checks that package.json's version is semver, that src/version.ts says the same, that
// CHANGELOG.md has a "## [X.Y.Z]" section with content, and that the tag does not exist yet;
// then prints the tag and the major tag to move (and writes them to $GITHUB_OUTPUT when set), and
// writes the section's text to FILE as the release notes. Exits 1 with the reason otherwise.
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

function fail(message) {
  console.error(`release: ${message}`);
  process.exit(1);
}

/** The text under `## [version]` up to the next `## ` heading, trimmed. */
function changelogSection(changelog, version) {
  const lines = changelog.split(/\r?\n/);
  const heading = new RegExp(`^## \\[?${version.replaceAll('.', '\\.')}\\]?(\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  return lines
    .slice(start + 1, end === -1 ? undefined : end)
    .join('\n')
    .trim();
}

function tagExists(root, tag) {
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}`], {
      cwd: root,
      stdio: 'ignore',
    });
    return true;
  } catch {
    return false;
  }
}

function plan(root, notesFile) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const match = SEMVER.exec(version ?? '');
  if (!match) fail(`package.json version "${version}" is not semver (X.Y.Z).`);
  const source = readFileSync(join(root, 'src', 'version.ts'), 'utf8');
  if (!source.includes(`'${version}'`))
    fail(`src/version.ts does not say ${version}: set VERSION to '${version}'.`);
  const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (!notes) fail(`CHANGELOG.md has no "## [${version}]" section with text: write one.`);
  const tag = `v${version}`;
  if (tagExists(root, tag)) fail(`the tag ${tag} exists already: bump the version.`);
  const major = `v${match[1]}`;
  if (notesFile) writeFileSync(notesFile, `${notes}\n`);
  if (process.env.GITHUB_OUTPUT)
    appendFileSync(process.env.GITHUB_OUTPUT, `tag=${tag}\nmajor=${major}\n`);
  console.log(`Release ${tag}; ${major} moves to it.`);
}

const [command, ...args] = process.argv.slice(2);
if (command !== 'plan') fail('usage: node scripts/release.mjs plan [--notes FILE]');
const at = args.indexOf('--notes');
plan(process.cwd(), at === -1 ? undefined : args[at + 1]);
