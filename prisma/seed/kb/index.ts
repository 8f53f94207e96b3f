// The knowledge base's format (zod schemas and types), its loader and date helpers, shared with
// the API.
export * from './dates';
export { KB_DATA_DIR, loadKnowledgeBase } from './load';
export * from './schema';
