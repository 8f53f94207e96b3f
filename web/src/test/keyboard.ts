import { act, fireEvent } from '@testing-library/react';

// jsdom fires key events but performs no default actions. These helpers add the browser's
// default action for the keys a keyboard-only player uses (as @testing-library/user-event does),
// so component tests can answer by keyboard: Space/Enter activate, arrows move within a radio group.

const radiosOf = (radio: HTMLInputElement): HTMLInputElement[] =>
  Array.from(
    (radio.form ?? radio.ownerDocument).querySelectorAll<HTMLInputElement>(
      `input[type="radio"][name="${radio.name}"]`,
    ),
  ).filter((input) => !input.disabled);

export const press = (element: Element, key: string) => {
  const target = element as HTMLElement;
  act(() => target.focus());
  const code = key === ' ' ? 'Space' : key;
  const proceed = fireEvent.keyDown(target, { key, code });
  if (!proceed) {
    fireEvent.keyUp(target, { key, code });
    return;
  }
  const input = target instanceof HTMLInputElement ? target : null;
  if (
    key === ' ' &&
    (target instanceof HTMLButtonElement || input?.type === 'checkbox' || input?.type === 'radio')
  ) {
    fireEvent.click(target);
  } else if (key === 'Enter' && target instanceof HTMLButtonElement) {
    fireEvent.click(target);
  } else if (key === 'Enter' && input?.form) {
    fireEvent.submit(input.form);
  } else if (
    input?.type === 'radio' &&
    ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft'].includes(key)
  ) {
    const group = radiosOf(input);
    const step = key === 'ArrowDown' || key === 'ArrowRight' ? 1 : -1;
    const next = group[(group.indexOf(input) + step + group.length) % group.length];
    if (next) {
      act(() => next.focus());
      fireEvent.click(next);
    }
  }
  fireEvent.keyUp(target, { key, code });
};

/** Types text into an input, one change event at the end (like a paste). */
export const typeInto = (element: Element, text: string) => {
  act(() => (element as HTMLElement).focus());
  fireEvent.change(element, { target: { value: text } });
};
