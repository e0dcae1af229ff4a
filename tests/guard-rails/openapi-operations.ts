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

/** Every operation the OpenAPI document publishes: the guard rails' single source of what exists. */
export function listOperations(app: App): Operation[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, OpenApiOperation>> };
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
        query: objectSchemaOf(parameters, 'query'),
        params: objectSchemaOf(parameters, 'path'),
        body: op.requestBody?.content?.['application/json']?.schema,
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
    return encodeURIComponent(value);
  });
}
