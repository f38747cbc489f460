export * from './routes.js';
export * from './schemas.js';
export * from './transaction-schemas.js';
export * from './signing-schemas.js';
