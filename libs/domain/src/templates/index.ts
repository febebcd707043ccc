export * from './render';
export * from './tags';
export * from './context';
export * from './who';
