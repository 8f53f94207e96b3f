'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorState, Skeleton } from '@/components/states';
import type { AttemptQuestionFieldsFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';
import { GraphQLRequestError } from '@/lib/graphql/client';
import { errorCode } from '@/lib/graphql/error-messages';
import { CountdownTimer } from './countdown-timer';
import { FeedbackPanel } from './feedback-panel';
import { ProgressBar } from './progress-bar';
import { QuestionCard } from './question-card';
import { emptyDraft, type ResponseDraft, toResponseInput } from './response';
import { useAnswerQuestion, useAttempt, useFinishAttempt, useOpenQuestion } from './use-attempt';

type Current = { question: AttemptQuestionFieldsFragment; draft: ResponseDraft };

/**
 * Failures that say nothing about the answer (it never reached the server, or the server could
 * not take it just then): the answer is kept and sent again, never called late. A timed question
 * is judged by the server's clock when the retry arrives.
 */
const TRANSIENT_CODES = new Set([
  'NETWORK_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
]);

/**
 * TanStack Query holds a mutation while the browser says it is offline and sends it when it is
 * back; without this the button just spins. Says what waits, and that nothing is lost.
 */
const OfflineNotice = ({ waiting }: { waiting: 'answer' | 'question' | 'finish' | null }) =>
  waiting ? (
    <p className="notice notice--warn" role="status">
      <strong>You are offline.</strong>{' '}
      {waiting === 'answer'
        ? 'Keep this page open: your answer will be sent as soon as the connection is back.'
        : waiting === 'question'
          ? 'The next question will open as soon as the connection is back.'
          : 'Your quiz will be finished as soon as the connection is back.'}
    </p>
  ) : null;

/**
 * Plays an attempt one question at a time: openQuestion starts the server's clock, answerQuestion
 * locks the answer and returns the cited feedback, finishAttempt scores it. The server decides
 * everything; this page only shows it.
 */
export const PlayScreen = ({ attemptId }: { attemptId: string }) => {
  const router = useRouter();
  const attemptQuery = useAttempt(attemptId);
  const open = useOpenQuestion(attemptId);
  const answer = useAnswerQuestion(attemptId);
  const finish = useFinishAttempt(attemptId);
  const [current, setCurrent] = useState<Current | null>(null);
  const [isLate, setLate] = useState(false);
  const [isDone, setDone] = useState(false);
  const [opening, setOpening] = useState<number | null>(null);
  // A Submit pressed while openQuestion is still on its way (a slow network): sent once it is open.
  const [isSubmitQueued, setSubmitQueued] = useState(false);
  const stemFocus = useRef(false);
  const feedbackHeading = useRef<HTMLHeadingElement>(null);
  const feedbackFocus = useRef(false);
  const attempt = attemptQuery.data?.attempt;

  const { mutate: openMutate } = open;
  const { reset: resetAnswer } = answer;
  const openAt = useCallback(
    (position: number) => {
      setLate(false);
      setSubmitQueued(false);
      resetAnswer();
      setOpening(position);
      openMutate(position, {
        onSuccess: ({ openQuestion }) => {
          stemFocus.current = true;
          // Keeps what the player already chose on the server-rendered question (see `shown`).
          setCurrent((previous) => ({
            question: openQuestion,
            draft:
              previous?.question.position === openQuestion.position
                ? previous.draft
                : emptyDraft(openQuestion),
          }));
        },
      });
    },
    [openMutate, resetAnswer],
  );

  // Start at the first question without a locked answer.
  useEffect(() => {
    if (!attempt || current || open.isPending || open.isError || isDone) {
      return;
    }
    if (attempt.status === 'FINISHED') {
      router.replace(`/results/${attemptId}`);
      return;
    }
    const next = attempt.questions.find((question) => !question.result);
    if (next) {
      openAt(next.position);
    } else {
      setDone(true);
    }
  }, [attempt, current, open.isPending, open.isError, isDone, openAt, router, attemptId]);

  // Move focus to the new question's stem, so screen readers read it and Tab reaches the answers.
  useEffect(() => {
    if (current && stemFocus.current) {
      stemFocus.current = false;
      document.getElementById(`q${current.question.position}-stem`)?.focus();
    }
  }, [current]);

  // Move focus to the verdict once the feedback is on screen (after React commits it, whichever
  // of the mutation result or the refetched attempt brings it), so the keyboard continues there.
  const hasResult = Boolean(
    current &&
      (attempt?.questions.find((q) => q.position === current.question.position)?.result ??
        answer.data?.answerQuestion),
  );
  useEffect(() => {
    if (hasResult && feedbackFocus.current && feedbackHeading.current) {
      feedbackFocus.current = false;
      feedbackHeading.current.focus();
    }
  });

  // Sends a Submit pressed before the question was open, once openQuestion has answered for it.
  const submitRef = useRef<() => void>(() => undefined);
  const openedPosition = open.data?.openQuestion.position;
  useEffect(() => {
    if (!isSubmitQueued || open.isPending) {
      return;
    }
    if (open.isError) {
      setSubmitQueued(false);
    } else if (current && openedPosition === current.question.position) {
      submitRef.current();
    }
  }, [isSubmitQueued, open.isPending, open.isError, current, openedPosition]);

  if (attemptQuery.isPending) {
    return <Skeleton lines={5} label="Loading your quiz…" />;
  }
  if (attemptQuery.isError) {
    return (
      <ErrorState
        error={attemptQuery.error}
        onRetry={() => attemptQuery.refetch()}
        title="Your quiz could not be loaded"
      />
    );
  }
  if (!attempt) {
    return (
      <ErrorState
        error={new GraphQLRequestError('Attempt not found', 'NOT_FOUND', 404)}
        title="This quiz attempt does not exist"
      />
    );
  }

  const total = attempt.questions.length;
  const stored = current
    ? attempt.questions.find((question) => question.position === current.question.position)
    : undefined;
  const result = stored?.result ?? answer.data?.answerQuestion ?? null;
  const index = current
    ? attempt.questions.findIndex((question) => question.position === current.question.position)
    : -1;
  const nextQuestion = index >= 0 ? attempt.questions[index + 1] : undefined;
  // Counted from the questions, which each answer updates in the cache: the attempt's
  // answeredCount is the server's count at load, so between two questions (the next one opening,
  // 2 s on a slow network, or the whole time offline) the bar fell back to "Question 1".
  const answeredHere = attempt.questions.filter((question) => question.result).length;
  const points = attempt.questions.reduce(
    (sum, question) => sum + (question.result?.points ?? 0),
    0,
  );

  // Until openQuestion answers, an untimed question is shown from the attempt itself: the first
  // one arrives in the server's HTML instead of after the JavaScript and a round trip. A timed
  // question stays concealed (its clock starts only when it is opened).
  const previewPosition =
    opening ?? attempt.questions.find((question) => !question.result)?.position;
  const preview =
    !current && !open.isError && !isDone && attempt.status !== 'FINISHED'
      ? attempt.questions.find(
          (question) =>
            question.position === previewPosition && !question.concealed && !question.result,
        )
      : undefined;
  const shown: Current | null =
    current ?? (preview ? { question: preview, draft: emptyDraft(preview) } : null);

  const submit = () => {
    if (answer.isPending || result) {
      setSubmitQueued(false);
      return;
    }
    // Not before the question is opened on the server (it records when it was shown): the press
    // is kept and sent when the open answers (the effect below), instead of being dropped.
    if (!current || open.isPending) {
      if (shown && !open.isError) {
        setSubmitQueued(true);
      }
      return;
    }
    setSubmitQueued(false);
    answer.mutate(
      {
        position: current.question.position,
        response: toResponseInput(current.question, current.draft),
      },
      {
        onSuccess: () => {
          feedbackFocus.current = true;
        },
        onError: (error) => {
          const code = errorCode(error);
          if (
            code === 'TIME_LIMIT_EXCEEDED' ||
            (current.question.deadline && !TRANSIENT_CODES.has(code))
          ) {
            setLate(true);
            void attemptQuery.refetch();
          }
        },
      },
    );
  };

  submitRef.current = submit;

  const goNext = () => {
    if (nextQuestion) {
      setCurrent(null);
      openAt(nextQuestion.position);
    } else {
      finishAttempt();
    }
  };

  const finishAttempt = () => {
    finish.mutate(undefined, {
      onSuccess: () => router.push(`/results/${attemptId}`),
    });
  };

  // A network failure says nothing about whether the answer arrived (probe 7b: with the response
  // lost on the way back the page said "not saved", the player changed their pick and retried,
  // and the feedback showed the first pick, which the server had kept). The choices stay as sent
  // until a retry settles it.
  const answerInDoubt =
    answer.isError && !result && !isLate && TRANSIENT_CODES.has(errorCode(answer.error));

  const waiting = answer.isPaused
    ? 'answer'
    : open.isPaused
      ? 'question'
      : finish.isPaused
        ? 'finish'
        : null;

  const header = (
    <div className="play-top">
      <div>
        <p className="eyebrow">
          Playing
          {attempt.isRetake ? (
            <>
              {' '}
              <span className="badge">Practice retake · not ranked</span>
            </>
          ) : null}
        </p>
        <h1 style={{ marginBlockEnd: 0 }}>{attempt.set.title}</h1>
      </div>
      <Link prefetch={false} href="/" className="button button--quiet button--small">
        Leave quiz
      </Link>
    </div>
  );

  if (isDone && !current) {
    return (
      <div className="play">
        {header}
        <ProgressBar current={total} total={total} aside={`${formatNumber(points)} points`} />
        <div className="question-card stack">
          <h2>All questions answered</h2>
          <p>Finish the quiz to see your score, your rank and a review of every answer.</p>
          {finish.isError ? (
            <ErrorState
              error={finish.error}
              onRetry={finishAttempt}
              title="The quiz could not be finished"
              level={3}
            />
          ) : null}
          <button
            type="button"
            className="button"
            onClick={finishAttempt}
            disabled={finish.isPending}
          >
            {finish.isPending ? 'Finishing…' : 'See my results'}
          </button>
          <OfflineNotice waiting={waiting} />
        </div>
      </div>
    );
  }

  return (
    <div className="play">
      {header}
      <ProgressBar
        current={index >= 0 ? index + 1 : Math.min(answeredHere + 1, total)}
        total={total}
        aside={`${formatNumber(points)} points`}
      />
      {open.isError ? (
        <ErrorState
          error={open.error}
          title="The next question could not be opened"
          onRetry={() => {
            const position =
              current?.question.position ??
              attempt.questions.find((question) => !question.result)?.position;
            if (position !== undefined) {
              openAt(position);
            }
          }}
        />
      ) : null}
      {!shown && !open.isError ? <Skeleton lines={4} label="Opening the next question…" /> : null}
      {shown ? (
        <>
          <QuestionCard
            key={shown.question.position}
            question={shown.question}
            idPrefix={`q${shown.question.position}`}
            draft={shown.draft}
            onChange={(draft) => setCurrent({ ...shown, draft })}
            onSubmit={submit}
            isSubmitting={answer.isPending || isSubmitQueued}
            isHeld={answerInDoubt}
            // The notice below can be off a phone's screen; the button under the thumb says it too.
            pendingLabel={answer.isPaused ? 'Offline, waiting…' : undefined}
            result={result}
            aside={
              shown.question.deadline && shown.question.timeLimitSec && !result ? (
                <CountdownTimer
                  key={shown.question.position}
                  deadline={shown.question.deadline}
                  timeLimitSec={shown.question.timeLimitSec}
                  isStopped={Boolean(result) || answer.isPending}
                  onExpire={submit}
                />
              ) : null
            }
          />
          {answer.isError && !result ? (
            isLate ? (
              <div className="notice notice--warn stack" role="alert">
                <p>
                  <strong>Time&apos;s up.</strong> The answer arrived after the deadline, so this
                  question scores nothing.
                </p>
                <button type="button" className="button" onClick={goNext}>
                  {nextQuestion ? 'Next question' : 'See my results'}
                </button>
              </div>
            ) : answerInDoubt ? (
              <ErrorState
                error={answer.error}
                onRetry={submit}
                title="Your answer may not have been saved"
              >
                <p>
                  Try again sends the same answer. If the first one reached the server before the
                  connection dropped, that one is kept.
                </p>
              </ErrorState>
            ) : (
              <ErrorState error={answer.error} onRetry={submit} title="Your answer was not saved" />
            )
          ) : null}
          {result ? (
            <FeedbackPanel
              ref={feedbackHeading}
              question={shown.question}
              result={result}
              citations={
                answer.data
                  ? [...attempt.citations, ...answer.data.answerQuestion.passages]
                  : attempt.citations
              }
            >
              <div className="play-actions">
                {finish.isError ? (
                  <span className="field__error" role="alert">
                    The quiz could not be finished. Try again.
                  </span>
                ) : null}
                <button
                  type="button"
                  className="button"
                  onClick={goNext}
                  disabled={finish.isPending}
                >
                  {nextQuestion
                    ? 'Next question'
                    : finish.isPending
                      ? 'Finishing…'
                      : 'See my results'}
                </button>
              </div>
            </FeedbackPanel>
          ) : null}
        </>
      ) : null}
      <OfflineNotice waiting={waiting} />
    </div>
  );
};
