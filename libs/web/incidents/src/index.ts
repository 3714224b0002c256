export * from './lib/incidents-page';
export * from './lib/incidents.routes';
