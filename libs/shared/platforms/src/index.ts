export * from './lib/platforms';
export * from './lib/post-text';
