export * from './lib/api-error';
export * from './lib/validation';
export * from './lib/form-errors';
export * from './lib/focus-first-invalid';
export * from './lib/form-submission';
