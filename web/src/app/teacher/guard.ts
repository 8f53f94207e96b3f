import { redirect } from 'next/navigation';
import { ViewerDocument } from '@/features/viewer/queries';
import { tryServerRequest } from '@/lib/graphql/server';
import { safeNext } from '@/lib/safe-next';

/**
 * Teacher pages: signed-out visitors go to sign in; others see a friendly refusal. This is only
 * navigation: the API authorizes every request itself.
 */
export const requireTeacher = async (next: string): Promise<'ok' | 'forbidden'> => {
  const data = await tryServerRequest(ViewerDocument);
  const viewer = data?.viewer;
  if (!viewer || viewer.user.isGuest) {
    redirect(`/sign-in?next=${encodeURIComponent(safeNext(next))}`);
  }
  return viewer.user.role === 'TEACHER' || viewer.user.role === 'ADMIN' ? 'ok' : 'forbidden';
};
