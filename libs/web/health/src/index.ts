export * from './lib/health-page';
export * from './lib/health.routes';
export * from './lib/monitors-page';
