// Prints the JSON Schema of .aethr.yaml, generated from the zod schema (run by scripts/build.mjs).
import { buildJsonSchema } from '../src/config/json-schema.js';

process.stdout.write(`${JSON.stringify(buildJsonSchema(), null, 2)}\n`);
