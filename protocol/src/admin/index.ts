export * from './routes.js';
export * from './schemas.js';
export * from './owner-schemas.js';
