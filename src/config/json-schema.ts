/**
 * The published JSON Schema of `.aethr.yaml`, generated from the zod schema so editors
 * (yaml-language-server) complete and check the same rules the loader enforces. Draft-07, input
 * side: keys with defaults are optional. Built on demand, never at import time.
 */
import { z } from 'zod';
import { BACKENDS, HISTORY_VISIBILITIES, workflowSchema } from './schema.js';

export interface JsonSchemaOptions {
  /** `$id` of the schema; pass the URL it is published at. Default `aethr.schema.json`. */
  id?: string;
}

export function buildJsonSchema(options: JsonSchemaOptions = {}): Record<string, unknown> {
  const generated = z.toJSONSchema(workflowSchema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, $id: _id, title: _title, description: _description, ...rest } = generated;
  return {
    $schema: $schema ?? 'http://json-schema.org/draft-07/schema#',
    $id: options.id ?? 'aethr.schema.json',
    title: 'Aethr workflow (.aethr.yaml)',
    description:
      'An explicit AI coding workflow: roles, model routing (provider:model) and ordered steps ' +
      `with context, backend (${BACKENDS.join(', ')}), history_visibility ` +
      `(${HISTORY_VISIBILITIES.join(', ')}) and bounded repeat loops.`,
    ...rest,
  };
}
