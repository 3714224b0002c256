export * from './lib/login-page';
export * from './lib/setup-page';
