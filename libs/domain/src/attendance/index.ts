export * from './attendance';
export * from './cnpj';
export * from './protocol';
