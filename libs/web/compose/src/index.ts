export * from './lib/compose-page';
export * from './lib/compose.routes';
