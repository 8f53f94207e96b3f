'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/field';
import { gqlRequest } from '@/lib/graphql/client';
import { useHydrated } from '@/lib/use-hydrated';
import { JoinLiveGameDocument, LiveLobbyDocument } from './queries';
import { seatKey } from './seats';

/** PIN and nickname; a browser that already has a seat in that game goes straight back to it. */
export const LiveJoinForm = () => {
  const router = useRouter();
  const params = useSearchParams();
  const [pin, setPin] = useState(params.get('pin') ?? '');
  // A form sent before hydration arrived as ?pin=…&nickname=… (see useHydrated): keep both.
  const [nickname, setNickname] = useState(params.get('nickname') ?? '');
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const cleanPin = pin.replace(/\D/g, '');
  const suggest = async () => {
    setError(null);
    try {
      const data = await gqlRequest(LiveLobbyDocument, { pin: cleanPin });
      setNickname(data.liveLobby.suggestedNickname);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'No game with this PIN');
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(cleanPin)) {
      setError('Enter the 6-digit PIN on the big screen.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const lobby = await gqlRequest(LiveLobbyDocument, { pin: cleanPin });
      const gameId = lobby.liveLobby.gameId;
      if (window.localStorage.getItem(seatKey(gameId))) {
        router.push(`/live/play/${gameId}`);
        return;
      }
      const joined = await gqlRequest(JoinLiveGameDocument, {
        pin: cleanPin,
        nickname: nickname.trim() || null,
      });
      window.localStorage.setItem(seatKey(gameId), joined.joinLiveGame.token);
      router.push(`/live/play/${gameId}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not join');
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="stack">
      <Field id="live-pin" label="Game PIN" error={null}>
        {(control) => (
          <input
            {...control}
            className="input live-pin-input"
            name="pin"
            inputMode="numeric"
            autoComplete="off"
            maxLength={7}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
            placeholder="123 456"
          />
        )}
      </Field>
      <Field id="live-nickname" label="Nickname" error={null}>
        {(control) => (
          <input
            {...control}
            className="input"
            name="nickname"
            autoComplete="nickname"
            maxLength={24}
            value={nickname}
            onChange={(e) => setNickname(e.target.value)}
          />
        )}
      </Field>
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy || !hydrated}>
          Join game
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void suggest()}
          disabled={cleanPin.length !== 6}
        >
          Suggest a nickname
        </button>
      </div>
    </form>
  );
};
