import { invalidRequest, missingParam } from './errors';

/**
 * Stripe's v1 API takes `application/x-www-form-urlencoded` bodies with
 * bracketed keys, e.g. `line_items[0][price_data][currency]=eur` or
 * `metadata[order_id]=42`. This turns them back into nested objects and
 * arrays, and offers typed readers that fail with Stripe-style 400s.
 */
export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

/** Intermediate tree: Maps cannot be prototype-polluted by keys like `__proto__`. */
type Node = string | Map<string, Node>;

const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

function keySegments(key: string): string[] {
  const match = KEY_PATTERN.exec(key);
  if (!match) return [key];
  const [, head = key, brackets = ''] = match;
  const rest = [...brackets.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  return [head, ...rest];
}

function insert(root: Map<string, Node>, key: string, value: string): void {
  const segments = keySegments(key);
  let node = root;
  segments.forEach((rawSegment, index) => {
    // `a[]=x&a[]=y` appends, as qs-style encoders expect.
    const segment = rawSegment === '' ? String(node.size) : rawSegment;
    const isLast = index === segments.length - 1;
    const existing = node.get(segment);
    if (isLast) {
      if (existing instanceof Map) throw invalidRequest(`Invalid value for ${key}: expected an object.`, { param: key });
      node.set(segment, value);
      return;
    }
    if (typeof existing === 'string') throw invalidRequest(`Invalid value for ${key}: ${segments.slice(0, index + 1).join('.')} is not an object.`, { param: key });
    const child = existing ?? new Map<string, Node>();
    node.set(segment, child);
    node = child;
  });
}

function toValue(node: Node): FormValue {
  if (typeof node === 'string') return node;
  const entries = [...node.entries()];
  // Indexed keys (`[0]`, `[1]`, …) were arrays on the client side.
  if (entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k))) {
    return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, child]) => toValue(child));
  }
  return Object.fromEntries(entries.map(([k, child]) => [k, toValue(child)]));
}

export function parseForm(body: string): FormObject {
  const root = new Map<string, Node>();
  for (const [key, value] of new URLSearchParams(body)) insert(root, key, value);
  const parsed = toValue(root);
  return typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
}

// ---- typed readers ---------------------------------------------------------

export function isFormObject(value: FormValue | undefined): value is FormObject {
  return typeof value === 'object' && !Array.isArray(value);
}

function read(obj: FormObject, key: string): FormValue | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Stripe treats an empty string as "not set" (the SDK sends `null` that way). */
export function optionalString(obj: FormObject, key: string, param = key): string | undefined {
  const value = read(obj, key);
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Invalid string: ${param} must be a string.`, { param });
  return value;
}

export function requiredString(obj: FormObject, key: string, param = key): string {
  const value = optionalString(obj, key, param);
  if (value === undefined) throw missingParam(param);
  return value;
}

export function optionalInteger(obj: FormObject, key: string, param = key): number | undefined {
  const value = optionalString(obj, key, param);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw invalidRequest(`Invalid integer: ${value}`, { code: 'parameter_invalid_integer', param });
  }
  return Number(value);
}

export function requiredInteger(obj: FormObject, key: string, param = key): number {
  const value = optionalInteger(obj, key, param);
  if (value === undefined) throw missingParam(param);
  return value;
}

export function optionalObject(obj: FormObject, key: string, param = key): FormObject | undefined {
  const value = read(obj, key);
  if (value === undefined || value === '') return undefined;
  if (!isFormObject(value)) throw invalidRequest(`Invalid object: ${param} must be a hash.`, { param });
  return value;
}

export function optionalArray(obj: FormObject, key: string, param = key): FormValue[] | undefined {
  const value = read(obj, key);
  if (value === undefined || value === '') return undefined;
  if (!Array.isArray(value)) throw invalidRequest(`Invalid array: ${param} must be an array.`, { param });
  return value;
}

/** Metadata is a flat string-to-string hash; empty values mean "unset" in Stripe. */
export function optionalMetadata(obj: FormObject, key: string, param = key): Record<string, string> {
  const value = optionalObject(obj, key, param);
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(value ?? {})) {
    if (typeof v !== 'string') throw invalidRequest(`Invalid metadata: ${param}[${k}] must be a string.`, { param: `${param}[${k}]` });
    if (v !== '') metadata[k] = v;
  }
  return metadata;
}

/** `expand[0]=payment_intent` or `expand[]=payment_intent`. */
export function stringList(obj: FormObject, key: string): string[] {
  const value = read(obj, key);
  if (value === undefined || value === '') return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    throw invalidRequest(`Invalid array: ${key} must be a list of strings.`, { param: key });
  }
  return value;
}
