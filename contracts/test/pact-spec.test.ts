import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// swagger-mock-validator ships no type declarations; a string specifier keeps TS from asking for them.
interface SpecMockValidationError {
  readonly code: string;
  readonly message: string;
  readonly mockDetails?: { readonly interactionDescription?: string; readonly location?: string };
}
interface SpecMockValidation {
  readonly success: boolean;
  readonly errors: readonly SpecMockValidationError[];
  readonly warnings: readonly SpecMockValidationError[];
}
interface SwaggerMockValidatorModule {
  SwaggerMockValidatorFactory: {
    create(): { validate(options: Record<string, string>): Promise<SpecMockValidation> };
  };
}
const VALIDATOR_MODULE = '@pactflow/swagger-mock-validator';

const root = fileURLToPath(new URL('../../', import.meta.url));
const spec = `${root}openapi.yaml`;
const committedPacts = readdirSync(`${root}contracts/pacts`).filter((name) => name.endsWith('.json'));

async function validateAgainstSpec(pactPath: string): Promise<SpecMockValidation> {
  const { SwaggerMockValidatorFactory } = (await import(VALIDATOR_MODULE)) as SwaggerMockValidatorModule;
  return SwaggerMockValidatorFactory.create().validate({
    specPathOrUrl: spec,
    mockPathOrUrl: pactPath,
    // Strict: a property the spec does not define is an error. Required properties stay optional,
    // since a consumer asserts only the fields it uses.
    additionalPropertiesInResponse: 'false',
    requiredPropertiesInResponse: 'false',
  });
}

describe('pacts are checked against openapi.yaml', () => {
  it('there is at least one committed pact', () => {
    expect(committedPacts.length).toBeGreaterThan(0);
  });

  it.each(committedPacts)('%s: every interaction agrees with the spec', async (name) => {
    const result = await validateAgainstSpec(`${root}contracts/pacts/${name}`);
    expect(result.errors.map((e) => `${e.mockDetails?.interactionDescription}: ${e.message}`)).toEqual([]);
    expect(result.warnings.map((e) => `${e.mockDetails?.interactionDescription}: ${e.message}`)).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('rejects a pact that contradicts the spec, naming each wrong interaction', async () => {
    const result = await validateAgainstSpec(`${root}contracts/fixtures/wrong-jobs-client.pact.json`);
    expect(result.success).toBe(false);
    const found = result.errors.map((e) => [e.mockDetails?.interactionDescription, e.code, e.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['a completed job reported as done', 'response.body.incompatible', expect.stringContaining('allowed values')],
        ['a running job with an undocumented field', 'response.body.incompatible', expect.stringContaining('progress_percent')],
        ['an unknown job answered with an undocumented status', 'response.status.unknown', expect.stringContaining('410')],
      ]),
    );
    expect(found).toHaveLength(3);
  });
});
