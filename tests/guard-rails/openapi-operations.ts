import type { App } from '../../src/platform/http/types';

export type Operation = {
  /** "GET /api/v1/people/{id}": the key the guard-rail tables use. */
  key: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. /api/v1/people/{id}. */
  path: string;
  pathParams: string[];
  /** JSON schemas as published, for the fuzzers. */
  query: Record<string, unknown> | undefined;
  params: Record<string, unknown> | undefined;
  body: Record<string, unknown> | undefined;
  stateChanging: boolean;
};

type OpenApiParameter = { in: string; name: string; required?: boolean; schema?: Record<string, unknown> };
type OpenApiOperation = {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
};

function objectSchemaOf(parameters: OpenApiParameter[], where: string): Record<string, unknown> | undefined {
  const own = parameters.filter((p) => p.in === where);
  if (own.length === 0) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(own.map((p) => [p.name, p.schema ?? {}])),
    required: own.filter((p) => p.required).map((p) => p.name),
  };
}

/** Replaces each {$ref: '#/components/schemas/X'} with the schema it names, so fuzzers see whole schemas. */
function inlineRefs(schema: unknown, components: Record<string, unknown>, depth = 0): unknown {
  if (depth > 20 || schema === null || typeof schema !== 'object') return schema;
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, components, depth + 1));
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const target = components[ref.replace('#/components/schemas/', '')];
    if (target === undefined) throw new Error(`unresolved ${ref}`);
    return inlineRefs(target, components, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inlineRefs(v, components, depth + 1)]));
}

/** Every operation the OpenAPI document publishes: the guard rails' single source of what exists. */
export function listOperations(app: App): Operation[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>>; components?: { schemas?: Record<string, unknown> } };
  const components = doc.components?.schemas ?? {};
  const inline = (s: Record<string, unknown> | undefined) => (s === undefined ? undefined : (inlineRefs(s, components) as Record<string, unknown>));
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const parameters = op.parameters ?? [];
      operations.push({
        key: `${method} ${path}`,
        method,
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!),
        query: inline(objectSchemaOf(parameters, 'query')),
        params: inline(objectSchemaOf(parameters, 'path')),
        body: inline(op.requestBody?.content?.['application/json']?.schema),
        stateChanging: method !== 'GET',
      });
    }
  }
  return operations.sort((a, b) => a.key.localeCompare(b.key));
}

/** Fills an OpenAPI path template: /people/{id} + {id: 'x'} → /people/x. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    try {
      return encodeURIComponent(value);
    } catch {
      // A lone surrogate: send the bytes Node would write for it.
      return [...Buffer.from(value, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    }
  });
}
