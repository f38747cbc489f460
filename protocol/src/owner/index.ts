export * from './commands.js';
export * from './events.js';
export * from './frames.js';
export * from './pairing-code.js';
export * from './pairing-schemas.js';
export * from './routes.js';
export * from './transcripts.js';
export * from './cosign-window.js';
