export * from './lib/nav-items';
export * from './lib/shell-layout';
