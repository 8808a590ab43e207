import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from '@/web/api/openapi/zod';

/** Every path and component of the public API's OpenAPI document is registered here (see paths.ts). */
export const registry = new OpenAPIRegistry();

/**
 * Documents a schema owned by the domain without copying it: the metadata is attached to the very instance (zod's
 * global registry, which the generator reads), so the route keeps validating with exactly what the document describes.
 * `param` holds what belongs to the parameter rather than to its schema (its description).
 */
export function annotate(schema: z.ZodType, meta: { description?: string; format?: string; examples?: unknown[]; param?: { description: string } }) {
  z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), ...meta });
}
