export * from './lib/api-error';
export * from './lib/validation';
export * from './lib/form-errors';
