/**
 * The committed knowledge base, read through the knowledge package's own loader. This is the only
 * file in the generator folder that does I/O; the generator itself never imports it (tests and the
 * bench do).
 */
import { KB_DATA_DIR, type KnowledgeBase, loadKnowledgeBase } from '@quiz/prisma/knowledge';

/** Loads and validates the KB; throws naming the file that is missing or invalid. */
export const loadKbFiles = (dir = KB_DATA_DIR): KnowledgeBase => loadKnowledgeBase(dir);
