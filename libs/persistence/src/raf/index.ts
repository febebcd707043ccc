export * from './raf-events.store';
