import { notFound } from '../../server/errors.js';

// The jobs module's errors. A job someone else started reads exactly as one that does not exist.

/** 404 NOT_FOUND: absent, or started by someone else. */
export const jobNotFound = () => notFound();
