export * from './lib/copy-button';
export * from './lib/empty-state';
export * from './lib/form-alert';
export * from './lib/page-header';
export * from './lib/status-badge';
