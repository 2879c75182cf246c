/** Help texts, kept apart from the commands so `--help` loads nothing else. */
import { APP_COMMAND } from './commands/app.js';

export const COMMANDS = {
  run: {
    summary: 'Run the workflow in .aethr.yaml on a task',
    help: `Usage: aethr run [task] [options]

Runs the workflow's steps in order on the task. Without a task, opens $EDITOR (on a terminal).

Options:
  --workflow FILE           Workflow file or preset name (default: .aethr.yaml)
  --show-prompt             Print every step's rendered prompt; makes no model call
  --resume-checkpoint FILE  Continue a failed run from its checkpoint
  --verbose                 Print resolved settings, usage and raw checkpoint JSON
  --ledger FILE             Write the ledger of model calls (tokens, cost, status) as JSON
  -h, --help                Show this help

Models: without AETHR_LIVE=1 (or without a key for a role) a deterministic mock model answers.
AETHR_MODEL=provider:model overrides every role's model. A project .env file is loaded.
Every call is checked against the workflow's budget: and limits: before it is made; a call
that would exceed one is not made, and the run stops with a checkpoint to resume from.
`,
  },
  init: {
    summary: 'Create .aethr.yaml from a built-in preset',
    help: `Usage: aethr init <preset> [--force]
       aethr init --list

Writes the preset to .aethr.yaml in the current directory. Refuses to overwrite an existing
file unless --force is given.

Options:
  --list       List the built-in presets
  --force      Overwrite an existing .aethr.yaml
  -h, --help   Show this help
`,
  },
  doctor: {
    summary: 'Check the workflow, git, and a model and key for every role',
    help: `Usage: aethr doctor [--workflow FILE]

Checks that the workflow file is valid, git is available, and every role resolves to a model
with a key. Prints a table; exits non-zero when something needs fixing.

Options:
  --workflow FILE   Workflow file or preset name (default: .aethr.yaml)
  -h, --help        Show this help
`,
  },
  pr: {
    summary: "Preview the GitHub Action's run on a saved event payload",
    help: `Usage: aethr pr --event FILE [--repo DIR] [--dry-run]

Runs the Action's own path on a saved webhook payload (pull_request, issue_comment, ...) and
prints what it would post. Without GITHUB_TOKEN, or with --dry-run, nothing is sent: the PR diff
comes from the local repository and every comment, review and reaction is printed instead.

Options:
  --event FILE        The event payload (JSON), as GitHub sends it
  --event-name NAME   The event name, when the file name and payload do not tell
  --repo DIR          The repository (default: current directory)
  --workflow FILE     Workflow file or preset name (default: .aethr.yaml, else review-existing-diff)
  --dry-run           Print instead of calling the GitHub API (default without GITHUB_TOKEN)
  -h, --help          Show this help

Models: AETHR_LIVE=1 with a provider key calls the routed models; otherwise the mock answers.
`,
  },
  app: APP_COMMAND,
} as const;

export type CommandName = keyof typeof COMMANDS;

export const GENERAL_HELP = `Usage: aethr <command> [options]

Runs explicit AI coding workflows declared in .aethr.yaml.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)}${c.summary}`)
  .join('\n')}
  version  Print the version
  help     Show help for a command

Run "aethr <command> --help" for a command's options.
`;
