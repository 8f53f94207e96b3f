import Link from 'next/link';
import { Icon } from '@/components/icon';

const NotFound = () => (
  <div className="state">
    <span className="state__icon">
      <Icon name="compass" size={32} />
    </span>
    <h1>Page not found</h1>
    <p>There is no page at this address. It may have moved, or the link has a typo.</p>
    <div className="row" style={{ justifyContent: 'center' }}>
      <Link className="button" href="/" prefetch={false}>
        Find a quiz
      </Link>
      <Link className="button button--secondary" href="/timeline">
        Explore the timeline
      </Link>
    </div>
  </div>
);

export default NotFound;
