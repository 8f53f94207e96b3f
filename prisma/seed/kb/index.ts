// The knowledge base's format (zod schemas and types) and date helpers, shared with the API.
export * from './dates';
export * from './schema';
