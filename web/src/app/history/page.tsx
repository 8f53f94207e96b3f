import type { Metadata } from 'next';
import { HistoryView } from '@/features/play/history-view';

export const metadata: Metadata = { title: 'My attempts' };

const HistoryPage = () => (
  <div className="stack">
    <header className="page-head">
      <h1>My attempts</h1>
      <p>Every quiz you played, with its score and rank. Open one for the full cited review.</p>
    </header>
    <HistoryView />
  </div>
);

export default HistoryPage;
