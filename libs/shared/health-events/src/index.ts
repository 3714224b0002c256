export * from './lib/health-events';
