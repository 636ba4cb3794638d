import type { OpenApiDocument } from '@/lib/api/build-openapi-document';

/** The subset of JSON Schema (2020-12) that zod's toJSONSchema emits for our operations. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
}

export interface ApiParameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface ApiResponse {
  description: string;
  content?: Record<string, { schema: JsonSchema }>;
  headers?: Record<string, { description?: string; schema?: JsonSchema }>;
}

export interface ApiDocOperation {
  method: string;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  scopes: string[];
  parameters: ApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: [status: string, response: ApiResponse][];
}

export interface ApiDocsModel {
  title: string;
  version: string;
  groups: { tag: string; operations: ApiDocOperation[] }[];
  schemas: [name: string, schema: JsonSchema][];
}

interface RawOperation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  'x-posture-scopes'?: string[];
  parameters?: ApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, ApiResponse>;
}

/** Flattens the document into tag groups (in the document's tag order, then any others) for the page to render. */
export function toApiDocsModel(doc: OpenApiDocument): ApiDocsModel {
  const info = (doc.info ?? {}) as { title?: string; version?: string };
  const declared = ((doc.tags ?? []) as { name: string }[]).map((t) => t.name);
  const byTag = new Map<string, ApiDocOperation[]>(declared.map((t) => [t, []]));
  // Our own builder made this document, so its operations have the shape RawOperation describes.
  const paths = doc.paths as unknown as Record<string, Record<string, RawOperation>>;
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const tag = raw.tags?.[0] ?? 'Other';
      const op: ApiDocOperation = {
        method,
        path,
        operationId: raw.operationId,
        tag,
        summary: raw.summary ?? '',
        description: raw.description,
        scopes: raw['x-posture-scopes'] ?? [],
        parameters: raw.parameters ?? [],
        requestBody: raw.requestBody,
        responses: Object.entries(raw.responses ?? {}).sort(([a], [b]) => a.localeCompare(b)),
      };
      byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
    }
  }
  return {
    title: info.title ?? 'API',
    version: info.version ?? '',
    groups: [...byTag].filter(([, ops]) => ops.length > 0).map(([tag, operations]) => ({ tag, operations })),
    schemas: Object.entries(doc.components.schemas as Record<string, JsonSchema>).sort(([a], [b]) => a.localeCompare(b)),
  };
}
