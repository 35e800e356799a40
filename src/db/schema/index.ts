export * from './audit.js';
export * from './enterprises.js';
export * from './evaluations.js';
export * from './files.js';
export * from './jobs.js';
export * from './login-attempts.js';
export * from './reference.js';
export * from './users.js';
