import { rendererFor } from '../response';
import { ChoiceQuestion } from './choice-question';
import { ChronologyQuestion } from './chronology-question';
import { MatchingQuestion } from './matching-question';
import { MultiSelectQuestion } from './multi-select-question';
import { ShortAnswerQuestion } from './short-answer-question';
import { TimelinePlacementQuestion } from './timeline-placement-question';
import { TrueFalseQuestion } from './true-false-question';
import type { QuestionInputProps } from './types';
import { WhoSaidQuestion } from './who-said-question';
import { YearQuestion } from './year-question';

/** Renders the native control for any question type. */
export const QuestionInput = (props: QuestionInputProps) => {
  switch (rendererFor(props.question)) {
    case 'multi':
      return <MultiSelectQuestion {...props} />;
    case 'true-false':
      return <TrueFalseQuestion {...props} />;
    case 'year':
      return <YearQuestion {...props} />;
    case 'chronology':
      return <ChronologyQuestion {...props} />;
    case 'matching':
      return <MatchingQuestion {...props} />;
    case 'timeline':
      return <TimelinePlacementQuestion {...props} />;
    case 'who-said':
      return <WhoSaidQuestion {...props} />;
    case 'short-answer':
      return <ShortAnswerQuestion {...props} />;
    default:
      return <ChoiceQuestion {...props} />;
  }
};
