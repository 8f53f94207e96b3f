import Link from 'next/link';
import { Icon } from '@/components/icon';

export const ForbiddenNotice = () => (
  <div className="state">
    <span className="state__icon">
      <Icon name="lock" size={32} />
    </span>
    <h1>For teachers only</h1>
    <p>This part of the site is where teachers build sets and see class results.</p>
    <Link className="button" href="/">
      Back to the quizzes
    </Link>
  </div>
);
