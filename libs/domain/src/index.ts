export * from './errors';
export * from './cpf';
export * from './cnj-number';
export * from './profiles';
export * from './clock';
export * from './auth';
export * from './capabilities';
export * from './organisation';
