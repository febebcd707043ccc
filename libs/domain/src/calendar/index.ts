export * from './national-holidays';
