export * from './national-holidays';
export * from './local-date';
