import type { User } from '@quiz/prisma';

/** The signed-in user or guest; email and classes resolve from it. */
export type ViewerParent = { user: User };
