import { z } from 'zod';
import { errorEnvelopeSchema } from '../validations/api/error-envelope-schema';
import type { ApiOperation } from './api-operation';
import { allOperations } from './all-operations';
import { webhookEventSchema } from '../validations/api/channel-event-schema';

type JsonSchema = Record<string, unknown>;
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, JsonSchema>>; components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> } };

const errorText: Record<number, string> = {
  400: 'Bad input; `details` names each field (dot-separated path) and what is wrong with it',
  401: 'No credentials, or an invalid, revoked or expired API token',
  403: 'The token lacks the scope, or the user the role',
  404: 'Unknown id, or not visible to the caller',
  409: 'Conflicts with the current state (e.g. the name is taken, the database is archived)',
  429: 'Rate limited; retry after the number of seconds in Retry-After',
  500: 'Unexpected server error (never bad input)',
};

/** Collects named ($defs) schemas into components, renaming an input-side variant that differs from its output twin. */
class ComponentCollector {
  readonly schemas: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const raw = z.toJSONSchema(schema, {
      target: 'draft-2020-12',
      io,
      unrepresentable: 'any',
      override: (ctx) => {
        if (ctx.zodSchema._zod.def.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      },
    }) as JsonSchema;
    const defs = (raw.$defs ?? {}) as Record<string, JsonSchema>;
    const rename = new Map<string, string>();
    const fix = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(fix);
      if (v && typeof v === 'object') {
        const out: JsonSchema = {};
        for (const [k, val] of Object.entries(v)) {
          if (k === '$schema' || k === '$defs') continue;
          out[k] = k === '$ref' && typeof val === 'string' && val.startsWith('#/$defs/') ? `#/components/schemas/${rename.get(val.slice(8)) ?? val.slice(8)}` : fix(val);
        }
        return out;
      }
      return v;
    };
    // Compare with references already rewritten: a twin that differs only by where it lives is the same schema.
    for (const [name, def] of Object.entries(defs)) {
      const existing = this.schemas[name];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(fix(def))) rename.set(name, `${name}${io === 'input' ? 'Input' : 'Output'}`);
    }
    for (const [name, def] of Object.entries(defs)) this.schemas[rename.get(name) ?? name] = fix(def) as JsonSchema;
    return fix(raw) as JsonSchema;
  }
}

function parameters(op: ApiOperation, c: ComponentCollector): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', op.params], ['query', op.query]] as const) {
    if (!schema) continue;
    const json = c.convert(schema, 'input');
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, prop] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = prop;
      out.push({ name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return out;
}

function responses(op: ApiOperation, c: ComponentCollector): JsonSchema {
  const out: JsonSchema = {};
  const { status, response, contentType = 'application/json' } = op.success;
  out[String(status)] = response
    ? { description: 'Success', content: { [contentType]: { schema: c.convert(response, 'output') } } }
    : { description: 'Success, no content' };
  const error = { $ref: '#/components/schemas/Error' };
  for (const code of [...op.errors, 401, 403, 429, 500]) {
    out[String(code)] = {
      description: errorText[code],
      content: { 'application/json': { schema: error } },
      ...(code === 429 ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } } : {}),
    };
  }
  return out;
}

/** The OpenAPI 3.1 document, generated from the operations' zod schemas — the same ones the handlers and services parse with. */
export function buildOpenApiDocument(operations: readonly ApiOperation[] = allOperations): OpenApiDocument {
  const c = new ComponentCollector();
  c.convert(errorEnvelopeSchema, 'output');
  // Not an answer of any operation: the body Posture sends to webhook channels, documented for their receivers.
  c.convert(webhookEventSchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const body = op.body
      ? { requestBody: { required: true, content: { [op.requestContentType ?? 'application/json']: { schema: c.convert(op.body, 'input') } } } }
      : {};
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.operationId,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      // An operation no token scope opens takes the session cookie only.
      security: op.scopes.length ? [{ bearerToken: [...op.scopes] }, { sessionCookie: [] }] : [{ sessionCookie: [] }],
      'x-posture-scopes': [...op.scopes],
      parameters: parameters(op, c),
      ...body,
      responses: responses(op, c),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Posture API',
      version: '1',
      description:
        'Security posture of your database fleet. Send an API token as `Authorization: Bearer pst_…`, never in the URL: ' +
        'a live token found in a URL is refused and revoked, since URLs end up in logs. ' +
        'Each operation lists the token scopes that open it (read, scan, write); scopes are independent. ' +
        'Errors share one envelope: `{ "error": { "code", "message", "details"? } }`.',
    },
    servers: [{ url: '/' }],
    tags: ['Fleet', 'Databases', 'Scans', 'Findings', 'Inventory', 'Exceptions', 'Compliance', 'Discovery', 'Alerts', 'Settings', 'Users', 'API tokens', 'Meta'].map((name) => ({ name })),
    paths,
    components: {
      schemas: c.schemas,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'pst_<43 base64url chars>', description: 'An API token from Settings → API tokens or `posture token create`' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'next-auth.session-token', description: "The web UI's own session" },
      },
    },
  };
}
