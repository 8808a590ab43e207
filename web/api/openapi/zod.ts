import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/**
 * zod with the `.openapi()` method of @asteasolutions/zod-to-openapi. Import `z` from here in any file that names a
 * schema for the OpenAPI document: the method must be installed before such a schema is built, and importing it from
 * here guarantees that order. The call is idempotent, so module reloads in development do no harm.
 */
extendZodWithOpenApi(z);

export { z };
