'use client';

import type { PasswordCheck } from '@quiz/password-rule';
import { PASSWORD_MIN, PASSWORD_MIN_SCORE } from '@quiz/password-rule/rule';
import { useEffect, useState } from 'react';

type Estimator = typeof import('@quiz/password-rule').checkPassword;

// The estimator and its dictionaries load on the first keystroke, not with the page.
let estimator: Promise<Estimator> | undefined;
const loadEstimator = () => {
  estimator ??= import('@quiz/password-rule').then((module) => module.checkPassword);
  return estimator;
};

const WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/**
 * A live strength meter for the sign-up password: the same rule the server enforces
 * (@quiz/password-rule), run in the browser as the user types.
 */
export const PasswordStrength = ({
  id,
  password,
  userInputs,
}: {
  id: string;
  password: string;
  userInputs: string[];
}) => {
  const [check, setCheck] = useState<PasswordCheck | null>(null);
  const inputs = userInputs.join('\n');

  useEffect(() => {
    if (!password) {
      setCheck(null);
      return;
    }
    let current = true;
    // A short pause so a fast typist does not run the estimator on every key.
    const timer = setTimeout(() => {
      void loadEstimator().then((run) => {
        if (current) {
          setCheck(run(password, inputs.split('\n')));
        }
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [password, inputs]);

  const score = check?.score ?? 0;
  const label = !password
    ? `At least ${PASSWORD_MIN} characters, strength ${PASSWORD_MIN_SCORE} of 4 or more.`
    : !check
      ? 'Checking…'
      : check.ok
        ? `${WORDS[score]} (${score} of 4): good to go.`
        : check.code === 'TOO_SHORT'
          ? `${[...password].length} of at least ${PASSWORD_MIN} characters.`
          : `${WORDS[score]} (${score} of 4). ${check.suggestions[0] ?? check.message}`;
  return (
    <div className="password-strength" id={id}>
      <meter
        className="password-strength__meter"
        min={0}
        max={4}
        low={PASSWORD_MIN_SCORE - 0.5}
        high={PASSWORD_MIN_SCORE + 0.5}
        optimum={4}
        value={password ? score : 0}
        aria-label="Password strength"
      />
      <span className="field__hint" aria-live="polite">
        {label}
      </span>
    </div>
  );
};
