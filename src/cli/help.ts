/** Help texts, kept apart from the commands so `--help` loads nothing else. */
import { APP_COMMAND } from './commands/app.js';

export const COMMANDS = {
  run: {
    summary: 'Run the workflow in .aethr.yaml on a task',
    help: `Usage: aethr run [task] [options]

Runs the workflow's steps in order on the task. Without a task, opens $EDITOR (on a terminal).
After a review step, lists its findings (severity, path:line, title).

Options:
  --workflow FILE           Workflow file or preset name (default: .aethr.yaml)
  --base REF                git_diff is the branch's change: the merge base with REF (a branch
                            or commit, e.g. main) against the working tree, instead of HEAD
  --fail-on LEVEL           Exit 1 when the final review has findings at or above LEVEL
                            (high, medium, low, info; default none)
  --show-prompt             Print every step's rendered prompt; makes no model call
  --resume-checkpoint FILE  Continue a failed run from its checkpoint
  --verbose                 Print resolved settings, usage and raw checkpoint JSON
  --ledger FILE             Write the ledger of model calls (tokens, cost, status) as JSON
  -h, --help                Show this help

Models: without AETHR_LIVE=1 (or without a key for a role) a deterministic mock model answers.
AETHR_MODEL=provider:model overrides every role's model. A project .env file is loaded.
Every call is checked against the workflow's budget: and limits: before it is made; a call
that would exceed one is not made, and the run stops with a checkpoint to resume from.
After a successful run of a preset with AETHR_MODEL set, prints the "aethr promote" command
that keeps it as an editable workflow file.
`,
  },
  promote: {
    summary: 'Turn a run (its checkpoint or ledger) into an editable workflow file',
    help: `Usage: aethr promote (--from CHECKPOINT | --ledger FILE) [--out FILE] [--force]

Writes the workflow a run used — its roles, the model each role ran with, the steps in order
with their contexts, backends and repeat settings — as a workflow file to edit, with the task
and what each step did as comments. Reads only what the run wrote: the checkpoint of a failed
run, or the ledger of "aethr run --ledger FILE". The file loads with the normal loader, and
"aethr run --workflow FILE --show-prompt" renders the prompts the run used.

Options:
  --from CHECKPOINT   The checkpoint a failed run printed
  --ledger FILE       The ledger a run wrote (aethr run --ledger FILE)
  --out FILE          Where to write (default: .aethr.yaml)
  --force             Overwrite an existing file
  -h, --help          Show this help
`,
  },
  init: {
    summary: 'Create .aethr.yaml from a built-in preset',
    help: `Usage: aethr init <preset> [--force]
       aethr init --list

Writes the preset to .aethr.yaml in the current directory, with a first line that points
editors (yaml-language-server) at the published JSON Schema. Refuses to overwrite an existing
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
with a key. Prints a table; exits non-zero when something needs fixing. In mock mode (without
AETHR_LIVE=1) a missing key is a warning: the mock model answers instead.

Options:
  --workflow FILE   Workflow file or preset name (default: .aethr.yaml)
  -h, --help        Show this help
`,
  },
  auth: {
    summary: 'Save a provider key in the project .env, or show which keys are set',
    help: `Usage: aethr auth login <provider>
       aethr auth status

login   Reads the key from a hidden prompt (on a terminal) or from standard input, writes it to
        .env in the current directory as the provider's variable (e.g. OPENAI_API_KEY), and adds
        .env to .gitignore. Providers: openai, anthropic, google (gemini), openrouter, xai, azure.
status  Shows, for every provider, whether its key is set and where (environment or .env).
        Keys are never printed.

Options:
  -h, --help   Show this help
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

/** The first line of a command's help (`Usage: aethr run [task] [options]`), or aethr's own. */
export function usageLine(command?: CommandName): string {
  return (command ? COMMANDS[command].help : GENERAL_HELP).split('\n')[0]!;
}

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
