import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createOpenApiValidator, OPENAPI_PATH } from '../../src/spec/openapi-validator.js';

type Json = Record<string, unknown>;
interface NamedExample {
  readonly label: string;
  readonly operationId: string;
  readonly status: number;
  readonly value: unknown;
  readonly componentName: string | undefined;
}

// Parsed with `yaml`, which expands the anchors (`*JobPending` ...) used by the list example.
const document = parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json;
const components = document['components'] as Record<string, Record<string, Json>>;
const validator = createOpenApiValidator();

const deref = (node: Json): Json => {
  const ref = node['$ref'];
  if (typeof ref !== 'string') return node;
  const [, section, name] = ref.replace('#/components/', '#/').split('/');
  const target = components[section ?? '']?.[name ?? ''];
  if (!target) throw new Error(`unresolved ${ref}`);
  return target;
};

const operations = Object.values(document['paths'] as Record<string, Record<string, Json>>).flatMap((item) => Object.values(item));

/** Every example of every response of every operation, inline or by `$ref` to `components/examples`. */
function collectResponseExamples(): NamedExample[] {
  const found: NamedExample[] = [];
  for (const op of operations) {
    const operationId = String(op['operationId']);
    for (const [status, rawResponse] of Object.entries(op['responses'] as Record<string, Json>)) {
      const content = (deref(rawResponse)['content'] ?? {}) as Record<string, Json>;
      for (const [mediaType, media] of Object.entries(content)) {
        for (const [name, rawExample] of Object.entries((media['examples'] ?? {}) as Record<string, Json>)) {
          const ref = rawExample['$ref'];
          found.push({
            label: `${operationId} ${status} ${mediaType} ${name}`,
            operationId,
            status: Number(status),
            value: deref(rawExample)['value'],
            componentName: typeof ref === 'string' ? ref.split('/').pop() : undefined,
          });
        }
        if ('example' in media) found.push({ label: `${operationId} ${status} ${mediaType} example`, operationId, status: Number(status), value: media['example'], componentName: undefined });
      }
    }
  }
  return found;
}

const examples = collectResponseExamples();

describe('openapi.yaml examples', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples.map((e) => [e.label, e] as const))('%s matches its response schema', (_label, example) => {
    expect(validator.validateResponse(example.operationId, example.status, example.value)).toEqual({ ok: true });
  });

  it('uses every component example somewhere, so none escapes validation', () => {
    const used = new Set(examples.map((e) => e.componentName));
    expect(Object.keys(components['examples'] ?? {}).filter((name) => !used.has(name))).toEqual([]);
  });

  it.each([
    ['an unknown state', { state: 'cancelled' }],
    ['an unknown field', { host_id: 'host_1' }],
    ['a UUID id', { id: '7f3k9q2m-4x8t-1w6z-5b0n-3c0000000000' }],
    ['attempts as a string', { attempts: '1' }],
  ])('rejects an example tampered with %s (the check can fail)', (_name, change) => {
    const pending = (components['examples']?.['JobPending']?.['value'] as { job: Json }).job;
    expect(validator.validateResponse('getJob', 200, { job: { ...pending, ...change } }).ok).toBe(false);
  });

  const parameters = Object.entries(components['parameters'] ?? {});
  it.each(parameters)('parameter %s example fits its schema', (name, parameter) => {
    const schema = parameter['schema'] as { type?: string; minimum?: number; maximum?: number; minLength?: number; maxLength?: number };
    const value = parameter['example'];
    expect(value, `${name} has an example`).toBeDefined();
    if (schema.type === 'integer') {
      expect(Number.isInteger(value) && (value as number) >= (schema.minimum ?? -Infinity) && (value as number) <= (schema.maximum ?? Infinity)).toBe(true);
    } else {
      expect(typeof value === 'string' && value.length >= (schema.minLength ?? 0) && value.length <= (schema.maxLength ?? Infinity)).toBe(true);
    }
  });

  const jobProperties = Object.entries((components['schemas']?.['Job']?.['properties'] ?? {}) as Record<string, Json>).filter(([, p]) => Array.isArray(p['examples']));
  it.each(jobProperties)('Job.%s property examples are valid jobs when substituted', (name, property) => {
    const base = (components['examples']?.['JobCompleted']?.['value'] as { job: Json }).job;
    for (const value of property['examples'] as unknown[]) {
      expect(validator.validateSchema('Job', { ...base, [name]: value }), `${name} = ${JSON.stringify(value)}`).toEqual({ ok: true });
    }
  });
});

describe('openapi.yaml documents the contract\'s statuses', () => {
  it.each([
    ['listProjectJobs', ['200', '400', '401', '403', '404', '429', '500', '503']],
    ['getJob', ['200', '401', '403', '404', '429', '500', '503']],
  ])('%s documents exactly %j', (operationId, statuses) => {
    expect([...validator.documentedStatuses(operationId)].sort()).toEqual(statuses);
  });

  it.each([['listProjectJobs'], ['getJob']])('%s documents an example for every status', (operationId) => {
    const labels = examples.filter((e) => e.operationId === operationId).map((e) => String(e.status));
    expect(validator.documentedStatuses(operationId).filter((s) => !labels.includes(s))).toEqual([]);
  });

  it.each([
    ['listProjectJobs', '429'],
    ['listProjectJobs', '503'],
    ['getJob', '429'],
    ['getJob', '503'],
  ])('%s %s declares Retry-After', (operationId, status) => {
    const op = operations.find((o) => o['operationId'] === operationId);
    const response = deref(((op?.['responses'] ?? {}) as Record<string, Json>)[status] ?? {});
    expect(Object.keys((response['headers'] ?? {}) as Json)).toContain('Retry-After');
  });

  it('rejects a status the contract does not document', () => {
    expect(validator.validateResponse('getJob', 400, { error: 'limit must be an integer from 1 to 100' }).ok).toBe(false);
  });
});
