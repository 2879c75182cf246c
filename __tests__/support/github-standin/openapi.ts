/**
 * GitHub's OpenAPI description, as the stand-in uses it: route matching against every operation,
 * and ajv validation of path/query parameters, request bodies and (as a self-check of the
 * stand-in) 2xx response bodies of the operations it implements.
 *
 * The description comes from `openapi-cache.json` (see openapi-cache-generate.ts), loaded once per
 * process. When the cache does not match the installed `@octokit/openapi` or the operation list,
 * it is rebuilt in memory from the full description (slow path, with a warning).
 */
import { readFileSync, statSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import {
  CACHE_PATH,
  IMPLEMENTED_OPERATIONS,
  buildFromInstalledSpec,
  locateSpec,
} from './openapi-cache-generate.js';
import type { CachedOperation, JsonSchema, OpenApiCache } from './openapi-cache-generate.js';

const ROOT_ID = 'https://api.github.com/openapi.json';
/** Path parameters that may span several segments (`contents/{path}`, `git/ref/{ref}`). */
const GREEDY_PARAMS = new Set(['path', 'ref']);

export interface OpenApiLoadStats {
  /** Where the description came from. */
  source: 'cache' | 'rebuilt';
  /** Milliseconds spent reading and checking the cache (or rebuilding it). */
  loadMs: number;
  /** Milliseconds spent building the route table and the ajv instance (schemas compile lazily). */
  setupMs: number;
  cacheBytes: number;
}

interface Route {
  method: string;
  template: string;
  operationId: string;
  segments: Array<{ literal: string } | { param: string }>;
  greedy: boolean;
}

export interface RouteMatch {
  operationId: string;
  template: string;
  params: Record<string, string>;
  /** The stand-in implements this operation (it has schemas for it). */
  implemented: boolean;
}

export interface OpenApi {
  cache: OpenApiCache;
  stats: OpenApiLoadStats;
  match(method: string, pathname: string): RouteMatch | undefined;
  operation(operationId: string): CachedOperation | undefined;
  /** Validates path/query parameters; returns problems as readable strings. */
  validateParameters(
    operationId: string,
    pathParams: Record<string, string>,
    query: URLSearchParams,
  ): { path: string[]; query: string[] };
  /** Validates a request body; `undefined` body means none was sent. */
  validateBody(operationId: string, body: unknown): string[];
  /** Validates a response body against the operation's schema for `status` (2xx only). */
  validateResponse(operationId: string, status: number, body: unknown): string[];
  /** Compiles every validator now (otherwise each compiles on first use); returns milliseconds. */
  precompile(options?: { responses?: boolean }): number;
}

let loaded: OpenApi | undefined;

/** The process-wide description (loaded on first use). */
export function loadOpenApi(): OpenApi {
  loaded ??= createOpenApi();
  return loaded;
}

/** True when the cache was built from the installed description with the current operation list. */
export function cacheLooksCurrent(cache: OpenApiCache): string | undefined {
  const { specPath, version } = locateSpec();
  if (cache.source.version !== version) {
    return `cache built from @octokit/openapi@${cache.source.version}, installed ${version}`;
  }
  const bytes = statSync(specPath).size;
  if (cache.source.bytes !== bytes)
    return `cache built from a ${cache.source.bytes}-byte spec, installed has ${bytes}`;
  const wanted = [...IMPLEMENTED_OPERATIONS].sort().join(',');
  if (cache.operationIds.join(',') !== wanted)
    return 'cache operation list differs from IMPLEMENTED_OPERATIONS';
  return undefined;
}

function createOpenApi(): OpenApi {
  const started = performance.now();
  const text = readFileSync(CACHE_PATH, 'utf8');
  let cache = JSON.parse(text) as OpenApiCache;
  let source: OpenApiLoadStats['source'] = 'cache';
  const stale = cacheLooksCurrent(cache);
  if (stale) {
    console.warn(
      `github-standin: ${stale}; rebuilding from the full description ` +
        `(run: node __tests__/support/github-standin/openapi-cache-generate.ts)`,
    );
    cache = buildFromInstalledSpec();
    source = 'rebuilt';
  }
  const loadedAt = performance.now();
  const stats: OpenApiLoadStats = {
    source,
    loadMs: Math.round((loadedAt - started) * 10) / 10,
    setupMs: 0,
    cacheBytes: text.length,
  };
  const api = new OpenApiImpl(cache, stats);
  stats.setupMs = Math.round((performance.now() - loadedAt) * 10) / 10;
  return api;
}

/**
 * Prepares an OpenAPI 3.0 schema for ajv: `$ref`s point into the shared components document, and
 * `nullable: true` becomes "or null" (ajv's own `nullable` rejects null when an `enum` is present
 * and needs a sibling `type`).
 */
function forAjv(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(forAjv);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable') continue;
    if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, forAjv(sub)]),
      );
    } else {
      out[key] =
        key === '$ref' && typeof value === 'string' && value.startsWith('#/')
          ? ROOT_ID + value
          : forAjv(value);
    }
  }
  return (schema as { nullable?: unknown }).nullable === true
    ? { anyOf: [{ type: 'null' }, out] }
    : out;
}

export function describeAjvErrors(
  errors: ErrorObject[] | null | undefined,
  where: string,
): string[] {
  return (errors ?? []).map((e) => {
    const at = `${where}${e.instancePath || ''}`;
    const extra =
      e.keyword === 'enum'
        ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
        : e.keyword === 'additionalProperties'
          ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
          : '';
    return `${at} ${e.message ?? e.keyword}${extra}`;
  });
}

class OpenApiImpl implements OpenApi {
  private readonly routesByMethod = new Map<string, Route[]>();
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(
    readonly cache: OpenApiCache,
    readonly stats: OpenApiLoadStats,
  ) {
    for (const [method, template, operationId] of cache.routes) {
      const segments: Route['segments'] = template
        .split('/')
        .slice(1)
        .map((s) => (/^\{.+\}$/.test(s) ? { param: s.slice(1, -1) } : { literal: s }));
      const last = segments.at(-1);
      const route: Route = {
        method,
        template,
        operationId,
        segments,
        greedy: last !== undefined && 'param' in last && GREEDY_PARAMS.has(last.param),
      };
      const list = this.routesByMethod.get(method) ?? [];
      list.push(route);
      this.routesByMethod.set(method, list);
    }
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    // CJS default export: the module object under some loaders, the plugin itself under others.
    const mod = addFormatsModule as unknown as { default?: unknown };
    const addFormats = (mod.default ?? mod) as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    for (const format of cache.formats) {
      if (!this.ajv.formats[format]) this.ajv.addFormat(format, true);
    }
    const schemas = Object.fromEntries(
      Object.entries(cache.schemas).map(([name, s]) => [name, forAjv(s)]),
    );
    this.ajv.addSchema({ $id: ROOT_ID, components: { schemas } });
  }

  operation(operationId: string): CachedOperation | undefined {
    return this.cache.operations[operationId];
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    const parts = pathname.split('/').slice(1);
    if (parts.length > 1 && parts.at(-1) === '') parts.pop(); // trailing slash
    let best: { route: Route; score: string; params: Record<string, string> } | undefined;
    for (const route of this.routesByMethod.get(method.toUpperCase()) ?? []) {
      const n = route.segments.length;
      if (parts.length !== n && !(route.greedy && parts.length > n)) continue;
      const params: Record<string, string> = {};
      let score = '';
      let ok = true;
      for (let i = 0; i < n && ok; i++) {
        const seg = route.segments[i] as Route['segments'][number];
        const raw = parts[i] as string;
        if ('literal' in seg) {
          ok = seg.literal === raw;
          score += '1';
        } else {
          const value = i === n - 1 && route.greedy ? parts.slice(i).join('/') : raw;
          ok = value !== '';
          params[seg.param] = safeDecode(value);
          score += '0';
        }
      }
      if (!ok) continue;
      if (parts.length === n) score += '1'; // exact length beats a greedy match
      if (!best || score > best.score) best = { route, score, params };
    }
    if (!best) return undefined;
    return {
      operationId: best.route.operationId,
      template: best.route.template,
      params: best.params,
      implemented: best.route.operationId in this.cache.operations,
    };
  }

  private validator(key: string, schema: JsonSchema): ValidateFunction {
    let fn = this.validators.get(key);
    if (!fn) {
      fn = this.ajv.compile(forAjv(schema) as JsonSchema);
      this.validators.set(key, fn);
    }
    return fn;
  }

  validateParameters(
    operationId: string,
    pathParams: Record<string, string>,
    query: URLSearchParams,
  ): { path: string[]; query: string[] } {
    const op = this.operation(operationId);
    const problems = { path: [] as string[], query: [] as string[] };
    if (!op) return problems;
    for (const p of op.parameters) {
      if (p.in !== 'path' && p.in !== 'query') continue;
      const raw = p.in === 'path' ? pathParams[p.name] : (query.get(p.name) ?? undefined);
      const list = p.in === 'path' ? problems.path : problems.query;
      if (raw === undefined) {
        if (p.required) list.push(`${p.in} parameter '${p.name}' is required`);
        continue;
      }
      const value = coerce(raw, p.schema);
      const validate = this.validator(`${operationId}:${p.in}:${p.name}`, p.schema);
      if (!validate(value)) {
        list.push(
          ...describeAjvErrors(
            validate.errors,
            `${p.in} parameter '${p.name}'=${JSON.stringify(raw)}`,
          ),
        );
      }
    }
    return problems;
  }

  validateBody(operationId: string, body: unknown): string[] {
    const op = this.operation(operationId);
    if (!op?.requestBody) return [];
    if (body === undefined) return op.requestBody.required ? ['request body is required'] : [];
    const validate = this.validator(`${operationId}:body`, op.requestBody.schema);
    return validate(body) ? [] : describeAjvErrors(validate.errors, 'body');
  }

  precompile(options: { responses?: boolean } = {}): number {
    const started = performance.now();
    for (const op of Object.values(this.cache.operations)) {
      for (const p of op.parameters)
        this.validator(`${op.operationId}:${p.in}:${p.name}`, p.schema);
      if (op.requestBody) this.validator(`${op.operationId}:body`, op.requestBody.schema);
      if (options.responses ?? true) {
        for (const [status, schema] of Object.entries(op.responses))
          this.validator(`${op.operationId}:${status}`, schema);
      }
    }
    return Math.round(performance.now() - started);
  }

  validateResponse(operationId: string, status: number, body: unknown): string[] {
    const schema = this.operation(operationId)?.responses[String(status)];
    if (!schema) return [];
    const validate = this.validator(`${operationId}:${status}`, schema);
    return validate(body) ? [] : describeAjvErrors(validate.errors, 'response');
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Query and path values are strings; turn them into what the parameter schema expects. */
function coerce(raw: string, schema: JsonSchema): unknown {
  const type = schema.type;
  if (type === 'integer' || type === 'number')
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  if (type === 'array') return raw.split(',');
  return raw;
}
