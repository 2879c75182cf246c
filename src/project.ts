/**
 * Where this project lives: the GitHub repository the Action is used from, and the published
 * JSON Schema of `.aethr.yaml` (a raw URL of the schema at the major version's moving tag, so
 * editors follow additive schema changes within a major version).
 */
import { VERSION } from './version.js';

export const REPOSITORY = 'aethr-dev/aethr-action';

export const MAJOR_TAG = `v${VERSION.split('.')[0]}`;

export const SCHEMA_URL = `https://raw.githubusercontent.com/${REPOSITORY}/${MAJOR_TAG}/schema/aethr.schema.json`;

/** The first line `aethr init` writes: yaml-language-server picks the schema from it. */
export const SCHEMA_COMMENT = `# yaml-language-server: $schema=${SCHEMA_URL}`;
