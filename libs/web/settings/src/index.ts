export * from './lib/settings-page';
export * from './lib/settings.routes';
