/**
 * The published JSON Schema of `.aethr.yaml`, generated from the zod schema so editors
 * (yaml-language-server) complete and check the same rules the loader enforces. Draft-07, input
 * side: keys with defaults are optional. Its `$id` is the URL it is published at (SCHEMA_URL),
 * and context entries list their forms (keywords to complete, `file:` / `glob:` patterns), which
 * the zod schema leaves as plain strings for the loader's own precise messages. Built on demand,
 * never at import time.
 */
import { z } from 'zod';
import { SCHEMA_URL } from '../project.js';
import { CONTEXT_KEYWORDS } from './context-source.js';
import { BACKENDS, HISTORY_VISIBILITIES, workflowSchema } from './schema.js';

export interface JsonSchemaOptions {
  /** `$id` of the schema: the URL it is published at. Default SCHEMA_URL. */
  id?: string;
}

const KEYWORD_HELP: Record<(typeof CONTEXT_KEYWORDS)[number], string> = {
  git_diff:
    'The working tree against HEAD (or the merge base with `aethr run --base REF`), new files included; on a pull request, its diff.',
  latest_diff: 'The latest implementation artifact of this run: changed files, diff stat, patch.',
  pr_description: "The pull request's title and body, sanitised and fenced as untrusted text.",
  learnings:
    'The file named by `learnings:` (what earlier runs learned), fenced as data; a placeholder while it does not exist.',
};

/** One context entry: a keyword, `file:<path>` or `glob:<pattern>` (no spaces around the value). */
export function contextEntrySchema(): Record<string, unknown> {
  return {
    anyOf: [
      ...CONTEXT_KEYWORDS.map((keyword) => ({
        const: keyword,
        description: KEYWORD_HELP[keyword],
      })),
      {
        type: 'string',
        pattern: '^file:\\S(.*\\S)?$',
        description: 'file:<path> — one UTF-8 file, relative to the repository root.',
      },
      {
        type: 'string',
        pattern: '^glob:\\S(.*\\S)?$',
        description:
          'glob:<pattern> — matching files relative to the root (.gitignore respected, capped).',
      },
    ],
  };
}

function withContextForms(schema: Record<string, unknown>): void {
  const steps = (schema['properties'] as Record<string, Record<string, unknown>> | undefined)?.[
    'steps'
  ];
  const step = steps?.['items'] as Record<string, unknown> | undefined;
  const context = (step?.['properties'] as Record<string, Record<string, unknown>> | undefined)?.[
    'context'
  ];
  if (!context) throw new Error('JSON Schema: steps[].context not found in the generated schema');
  context['items'] = contextEntrySchema();
  const byLabel = (schema['properties'] as Record<string, Record<string, unknown>> | undefined)?.[
    'label_context'
  ];
  const sources = byLabel?.['additionalProperties'] as Record<string, unknown> | undefined;
  if (!sources) throw new Error('JSON Schema: label_context not found in the generated schema');
  sources['items'] = contextEntrySchema();
}

export function buildJsonSchema(options: JsonSchemaOptions = {}): Record<string, unknown> {
  const generated = z.toJSONSchema(workflowSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, $id: _id, title: _title, description: _description, ...rest } = generated;
  withContextForms(rest);
  return {
    $schema: $schema ?? 'http://json-schema.org/draft-07/schema#',
    $id: options.id ?? SCHEMA_URL,
    title: 'Aethr workflow (.aethr.yaml)',
    description:
      'An explicit AI coding workflow: roles, model routing (provider:model) and ordered steps ' +
      `with context, backend (${BACKENDS.join(', ')}), history_visibility ` +
      `(${HISTORY_VISIBILITIES.join(', ')}) and bounded repeat loops.`,
    ...rest,
  };
}
