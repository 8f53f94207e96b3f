'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { gqlRequest } from '@/lib/graphql/client';
import { CreateLiveGameDocument } from './queries';

/** The host's options, then the lobby. */
export const StartLiveForm = ({ setId }: { setId: string }) => {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const data = await gqlRequest(CreateLiveGameDocument, {
        input: {
          setId,
          speedPoints: form.get('speedPoints') === 'on',
          showLeaderboard: form.get('showLeaderboard') === 'on',
          teamCount: Number(form.get('teamCount') ?? 0),
          timeLimitSec: Number(form.get('timeLimitSec') ?? 20),
        },
      });
      router.push(`/teacher/live/${data.createLiveGame.game.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not open the game');
      setBusy(false);
    }
  };
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)}>
      <label className="checkbox">
        <input type="checkbox" name="speedPoints" defaultChecked /> Speed points (off: accuracy
        only, 1,000 per right answer)
      </label>
      <label className="checkbox">
        <input type="checkbox" name="showLeaderboard" defaultChecked /> Show the leaderboard between
        questions
      </label>
      <div className="field">
        <label htmlFor="live-teams">Teams</label>
        <select id="live-teams" name="teamCount" className="input" defaultValue="0">
          <option value="0">No teams</option>
          {[2, 3, 4, 5, 6].map((n) => (
            <option key={n} value={n}>
              {n} teams (score = mean of members)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="live-time">Seconds per question (when the set gives none)</label>
        <input
          id="live-time"
          name="timeLimitSec"
          type="number"
          min={5}
          max={240}
          defaultValue={20}
          className="input"
        />
      </div>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Open the lobby
        </button>
      </div>
    </form>
  );
};
