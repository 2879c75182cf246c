/**
 * Builds `openapi-cache.json`: the slice of GitHub's OpenAPI description (`@octokit/openapi`) the
 * GitHub stand-in needs, so a test process does not read and parse the whole description (13 MB
 * plain, 73 MB dereferenced) on every start.
 *
 * The cache holds:
 * - `routes`: every operation of the API as [METHOD, path template, operationId] (to tell an
 *   unknown route from a real GitHub route that the stand-in does not implement);
 * - `operations`: for each operation the stand-in implements, its parameters, request body schema
 *   and 2xx JSON response schemas (descriptions and examples stripped);
 * - `schemas`: the `#/components/schemas/*` those reference, transitively (kept as `$ref`s, so the
 *   file stays small and recursive schemas stay finite);
 * - `source`: the package version, size and sha256 of the description it was built from.
 *
 * Regenerate with: `node __tests__/support/github-standin/openapi-cache-generate.ts`
 * (Node 24 runs this file directly). The self-test fails when the committed cache differs from a
 * fresh build; at run time a stale cache (other package version or operation list) is rebuilt in
 * memory with a warning.
 *
 * This file must stay runnable by plain Node (type stripping): no relative imports, no enums.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** operationIds the stand-in implements; the cache holds schemas for exactly these. */
export const IMPLEMENTED_OPERATIONS = [
  'actions/create-workflow-dispatch',
  'apps/create-installation-access-token',
  'apps/get-authenticated',
  'apps/get-repo-installation',
  'checks/create',
  'checks/list-for-ref',
  'checks/update',
  'git/get-ref',
  'issues/add-labels',
  'issues/create-comment',
  'issues/delete-comment',
  'issues/get',
  'issues/get-comment',
  'issues/list-comments',
  'issues/remove-label',
  'issues/update',
  'issues/update-comment',
  'pulls/create',
  'pulls/create-review',
  'pulls/create-review-comment',
  'pulls/get',
  'pulls/list',
  'pulls/list-files',
  'pulls/list-review-comments',
  'pulls/list-reviews',
  'pulls/update',
  'pulls/update-review-comment',
  'rate-limit/get',
  'reactions/create-for-issue-comment',
  'reactions/list-for-issue-comment',
  'repos/create-dispatch-event',
  'repos/get',
  'repos/get-collaborator-permission-level',
  'repos/get-content',
  'users/get-by-username',
] as const;

export type ImplementedOperation = (typeof IMPLEMENTED_OPERATIONS)[number];

export const SPEC_PACKAGE = '@octokit/openapi';
export const SPEC_FILE = 'generated/api.github.com.json';
export const CACHE_PATH = join(dirname(fileURLToPath(import.meta.url)), 'openapi-cache.json');

export type JsonSchema = { [key: string]: unknown };

export interface SpecSource {
  package: string;
  version: string;
  file: string;
  bytes: number;
  sha256: string;
}

export interface CachedParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface CachedOperation {
  operationId: string;
  method: string;
  path: string;
  documentationUrl: string;
  parameters: CachedParameter[];
  requestBody?: { required: boolean; schema: JsonSchema };
  /** HTTP status → JSON schema of the response body (2xx only). */
  responses: Record<string, JsonSchema>;
}

export interface OpenApiCache {
  source: SpecSource;
  operationIds: string[];
  /** [METHOD, template, operationId] for every operation in the description. */
  routes: Array<[string, string, string]>;
  /** Every `format` the cached schemas use. */
  formats: string[];
  schemas: Record<string, JsonSchema>;
  operations: Record<string, CachedOperation>;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const SCHEMA_REF = '#/components/schemas/';

/** Where the installed description lives, and the package's version. */
export function locateSpec(): { specPath: string; version: string } {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve(`${SPEC_PACKAGE}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { version: string };
  return { specPath: join(dirname(pkgPath), SPEC_FILE), version: pkg.version };
}

type Spec = {
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
};

function resolveRef(spec: Spec, node: unknown): unknown {
  let current = node;
  for (let i = 0; i < 10 && isObject(current) && typeof current.$ref === 'string'; i++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    let target: unknown = spec;
    for (const part of parts) target = isObject(target) ? target[part] : undefined;
    current = target;
  }
  return current;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties']);
const SCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);
const SCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'not']);
const DROPPED_KEYWORDS = new Set(['description', 'example', 'examples', 'externalDocs', 'title']);

/** Copies a schema without documentation keywords, collecting referenced component names. */
function cleanSchema(schema: unknown, refs: Set<string>, formats: Set<string>): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      if (value.startsWith(SCHEMA_REF)) refs.add(value.slice(SCHEMA_REF.length));
      out[key] = value;
    } else if (key === 'format' && typeof value === 'string') {
      formats.add(value);
      out[key] = value;
    } else if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, cleanSchema(sub, refs, formats)]),
      );
    } else if (SCHEMA_LIST_KEYWORDS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub) => cleanSchema(sub, refs, formats));
    } else if (SCHEMA_KEYWORDS.has(key) && isObject(value)) {
      out[key] = cleanSchema(value, refs, formats);
    } else if (key === 'discriminator' && isObject(value)) {
      out[key] = value; // mapping values are refs too, but always to schemas listed in oneOf
    } else {
      out[key] = value;
    }
  }
  return out;
}

export function buildOpenApiCache(specText: string, version: string): OpenApiCache {
  const spec = JSON.parse(specText) as Spec;
  const routes: Array<[string, string, string]> = [];
  const byId = new Map<string, { method: string; path: string; op: Record<string, unknown> }>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op) || typeof op.operationId !== 'string') continue;
      routes.push([method.toUpperCase(), path, op.operationId]);
      byId.set(op.operationId, { method: method.toUpperCase(), path, op });
    }
  }
  routes.sort((a, b) => (a[1] === b[1] ? a[0].localeCompare(b[0]) : a[1] < b[1] ? -1 : 1));

  const refs = new Set<string>();
  const formats = new Set<string>();
  const operations: Record<string, CachedOperation> = {};
  for (const operationId of [...IMPLEMENTED_OPERATIONS].sort()) {
    const found = byId.get(operationId);
    if (!found) throw new Error(`operation ${operationId} is not in the OpenAPI description`);
    const { method, path, op } = found;
    const item = spec.paths[path] ?? {};
    const rawParams = [
      ...(Array.isArray(item.parameters) ? item.parameters : []),
      ...(Array.isArray(op.parameters) ? op.parameters : []),
    ];
    const parameters: CachedParameter[] = rawParams.map((raw) => {
      const p = resolveRef(spec, raw) as Record<string, unknown>;
      return {
        name: String(p.name),
        in: p.in as CachedParameter['in'],
        required: p.required === true,
        schema: cleanSchema(p.schema ?? {}, refs, formats) as JsonSchema,
      };
    });
    const cached: CachedOperation = {
      operationId,
      method,
      path,
      documentationUrl: isObject(op.externalDocs) ? String(op.externalDocs.url) : '',
      parameters,
      responses: {},
    };
    const body = resolveRef(spec, op.requestBody);
    if (isObject(body) && isObject(body.content)) {
      const media = body.content['application/json'];
      if (isObject(media) && media.schema !== undefined) {
        cached.requestBody = {
          required: body.required === true,
          schema: cleanSchema(media.schema, refs, formats) as JsonSchema,
        };
      }
    }
    for (const [status, rawResponse] of Object.entries(
      isObject(op.responses) ? op.responses : {},
    )) {
      if (!/^2\d\d$/.test(status)) continue;
      const response = resolveRef(spec, rawResponse);
      const media = isObject(response) && isObject(response.content) ? response.content : {};
      const json = media['application/json'];
      if (isObject(json) && json.schema !== undefined) {
        cached.responses[status] = cleanSchema(json.schema, refs, formats) as JsonSchema;
      }
    }
    operations[operationId] = cached;
  }

  const schemas: Record<string, JsonSchema> = {};
  const pending = [...refs];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in schemas) continue;
    const raw = spec.components.schemas?.[name];
    if (raw === undefined) throw new Error(`missing component schema ${name}`);
    const before = new Set(refs);
    schemas[name] = cleanSchema(raw, refs, formats) as JsonSchema;
    for (const ref of refs) if (!before.has(ref) && !(ref in schemas)) pending.push(ref);
  }
  const sortedSchemas = Object.fromEntries(
    Object.keys(schemas)
      .sort()
      .map((k) => [k, schemas[k] as JsonSchema]),
  );

  return {
    source: {
      package: SPEC_PACKAGE,
      version,
      file: SPEC_FILE,
      bytes: Buffer.byteLength(specText),
      sha256: createHash('sha256').update(specText).digest('hex'),
    },
    operationIds: [...IMPLEMENTED_OPERATIONS].sort(),
    routes,
    formats: [...formats].sort(),
    schemas: sortedSchemas,
    operations,
  };
}

/** Builds the cache from the installed description. */
export function buildFromInstalledSpec(): OpenApiCache {
  const { specPath, version } = locateSpec();
  return buildOpenApiCache(readFileSync(specPath, 'utf8'), version);
}

/** Serialised as Prettier would print it (`prettier --check` covers this folder). */
export async function serializeCache(cache: OpenApiCache): Promise<string> {
  const prettier = await import('prettier');
  return prettier.format(JSON.stringify(cache), { parser: 'json', printWidth: 100 });
}

async function main(): Promise<void> {
  const started = performance.now();
  const cache = buildFromInstalledSpec();
  writeFileSync(CACHE_PATH, await serializeCache(cache));
  const ms = Math.round(performance.now() - started);
  console.log(
    `wrote ${CACHE_PATH}: ${cache.operationIds.length} operations, ` +
      `${Object.keys(cache.schemas).length} schemas, ${cache.routes.length} routes ` +
      `(from ${SPEC_PACKAGE}@${cache.source.version}, ${ms} ms)`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
