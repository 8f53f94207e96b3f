import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False in the server's HTML and during hydration, true once React runs the page. A form whose
 * submit is JavaScript (every form here: `onSubmit` + `preventDefault`) is a plain HTML form
 * until then, and a press sends the browser's own GET to the same URL: on a slow phone (probe 7b:
 * 400 kbps, 400 ms RTT, first paint at 2.9 s, hydrated at 7.2 s) the play page reloaded with the
 * typed answer in its address (`?q0-text=…`) and nothing recorded, and the live join form
 * reloaded without the nickname. Such buttons are disabled until this is true.
 */
export const useHydrated = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
