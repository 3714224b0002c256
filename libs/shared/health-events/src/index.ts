export * from './lib/health-events';
export * from './lib/health-rows';
