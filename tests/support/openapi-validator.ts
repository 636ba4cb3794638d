import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiDocument } from '../../lib/api/build-openapi-document';

type JsonSchema = Record<string, unknown>;

/** Validates bodies against the generated OpenAPI document's own schemas (JSON Schema 2020-12, $refs into components). */
export function openApiValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();
  return {
    /** the schema the document gives for this operation's response status and content type, or null if undocumented */
    responseSchema(template: string, method: string, status: number, contentType = 'application/json'): JsonSchema | null {
      const op = doc.paths[template]?.[method.toLowerCase()] as { responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }> } | undefined;
      const res = op?.responses?.[String(status)];
      if (!res) return null;
      return res.content?.[contentType]?.schema ?? {};
    },
    validate(schema: JsonSchema, value: unknown): string[] {
      const key = JSON.stringify(schema);
      let fn = cache.get(key);
      if (!fn) {
        fn = ajv.compile({ ...schema, components: doc.components });
        cache.set(key, fn);
      }
      return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
    },
  };
}
