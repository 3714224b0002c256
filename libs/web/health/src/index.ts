export * from './lib/health-page';
export * from './lib/health.routes';
