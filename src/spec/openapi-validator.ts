import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { findPackageFile } from './package-root.js';

export { findPackageFile, findPackageRoot } from './package-root.js';

// ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Where the package's copy of the contract lives. */
export const OPENAPI_PATH = findPackageFile('openapi.yaml');

/** One problem found in a response. */
export interface SpecViolation {
  readonly path: string;
  readonly message: string;
}

/** Result of validating one response against the spec. */
export type SpecCheck = { readonly ok: true } | { readonly ok: false; readonly violations: readonly SpecViolation[] };

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
  readonly components: { readonly schemas: Record<string, unknown> };
}

/** Validates bodies and statuses against an OpenAPI 3.1 document's schemas (Ajv 2020-12). */
export interface OpenApiValidator {
  /** The parsed document. */
  readonly document: OpenApiDocument;
  /** Validate `value` against `#/components/schemas/<name>`. */
  validateSchema(name: string, value: unknown): SpecCheck;
  /** Statuses the spec documents for an operation, e.g. `['200', '401']`. */
  documentedStatuses(operationId: string): readonly string[];
  /** Check that `status` is documented for `operationId` and `body` matches its JSON schema. */
  validateResponse(operationId: string, status: number, body: unknown): SpecCheck;
}

/**
 * Build a validator for an OpenAPI 3.1 document (default: the kit's `openapi.yaml`).
 * @example
 * const spec = createOpenApiValidator();
 * spec.validateResponse('getJob', 200, await res.json());
 */
export function createOpenApiValidator(path: string = OPENAPI_PATH): OpenApiValidator {
  const document = parse(readFileSync(path, 'utf8')) as OpenApiDocument;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi.json', components: document.components });
  const compiled = new Map<string, ValidateFunction>();

  const schemaFor = (ref: string): ValidateFunction => {
    let fn = compiled.get(ref);
    if (!fn) {
      fn = ajv.compile({ $ref: `openapi.json${ref}` });
      compiled.set(ref, fn);
    }
    return fn;
  };
  const run = (ref: string, value: unknown): SpecCheck => {
    const fn = schemaFor(ref);
    if (fn(value)) return { ok: true };
    return {
      ok: false,
      violations: (fn.errors ?? []).map((e) => ({ path: e.instancePath || '/', message: `${e.message ?? 'invalid'}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}` })),
    };
  };
  const operation = (operationId: string) => {
    for (const methods of Object.values(document.paths)) {
      for (const op of Object.values(methods)) if (op.operationId === operationId) return op;
    }
    throw new Error(`unknown operationId ${operationId}`);
  };
  const responseSchemaRef = (response: unknown): string | undefined => {
    let r = response as { $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> };
    if (r.$ref) {
      const name = r.$ref.split('/').pop() ?? '';
      r = (document.components as unknown as { responses: Record<string, typeof r> }).responses[name] ?? {};
    }
    return r.content?.['application/json']?.schema?.$ref;
  };

  return {
    document,
    validateSchema: (name, value) => run(`#/components/schemas/${name}`, value),
    documentedStatuses: (operationId) => Object.keys(operation(operationId).responses ?? {}),
    validateResponse(operationId, status, body) {
      const response = operation(operationId).responses?.[String(status)];
      if (!response) return { ok: false, violations: [{ path: '/', message: `status ${status} is not documented for ${operationId}` }] };
      const ref = responseSchemaRef(response);
      return ref ? run(ref, body) : { ok: true };
    },
  };
}
