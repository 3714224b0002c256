export * from './lib/platforms';
