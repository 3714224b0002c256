export * from './lib/dom';
export * from './lib/http';
