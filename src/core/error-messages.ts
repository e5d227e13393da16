/**
 * The messages of the contract's precedence table (openapi.yaml), in one place so the mock,
 * its tests and its docs cannot disagree.
 */
export const ERROR_MESSAGES = {
  unauthorized: 'unauthorized',
  missingScope: 'forbidden: missing scope jobs:read',
  limitInvalid: 'limit must be an integer from 1 to 100',
  projectNotFound: 'project not found',
  jobNotFound: 'job not found',
  siblingProject: 'forbidden: key is scoped to another project',
  routeNotFound: 'not found',
  methodNotAllowed: 'method not allowed',
} as const;
