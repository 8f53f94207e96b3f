// The knowledge base's format (zod schemas and types), shared with the API's question generator.
export * from './schema';
