export * from './lib/analytics-page';
export * from './lib/analytics.routes';
