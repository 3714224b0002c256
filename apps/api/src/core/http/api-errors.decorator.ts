import { SetMetadata } from '@nestjs/common';

export const API_ERRORS = 'openapi:errors';

/** Statuses the automatic pass in openapi.ts cannot derive from route metadata (auth rules, roles, path ids, bodies). */
export type DeclaredErrorStatus = 400 | 403 | 404 | 409 | 422 | 503;

/**
 * Declares the errors an operation returns beyond the derived ones, with a description each, e.g.
 * `@ApiErrors({ 409: 'An admin exists already' })`. The schema is always ErrorResponseDto.
 */
export const ApiErrors = (errors: Partial<Record<DeclaredErrorStatus, string>>) => SetMetadata(API_ERRORS, errors);
