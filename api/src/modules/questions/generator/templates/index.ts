/** The template registry: every question type's templates, looked up by id by the pipeline and the gate. */
import type { Template } from '../types';
import { actorRoleTemplate, actorWhoTemplate } from './actor-templates';
import { causeMatchTemplate, causeMultiTemplate } from './cause-templates';
import {
  arabStatesTemplate,
  figureAmountTemplate,
  stanceMultiTemplate,
  stanceSingleTemplate,
} from './choice-templates';
import { claimWhoTemplate, inAccountTemplate } from './claimant-templates';
import { figurePeriodTemplate } from './context-templates';
import { eventRoleTemplate } from './event-role-templates';
import {
  chronologyTemplate,
  timelinePlacementTemplate,
  whichFirstTemplate,
} from './order-templates';
import {
  matchOfficesTemplate,
  matchYearsTemplate,
  officeHolderTemplate,
  officeStateTemplate,
  whoSaidTemplate,
} from './people-templates';
import {
  stanceChangeTemplate,
  stanceMatchTemplate,
  stancePositionTemplate,
} from './positions-templates';
import { quoteMatchTemplate, quoteWhoTemplate, storyMultiTemplate } from './quote-table-templates';
import { relationRoleTemplate } from './relation-role';
import { whyRivalMultiTemplate, whyRivalTemplate } from './rival-templates';
import {
  sourceMatchTemplate,
  sourceMultiTemplate,
  sourceTrueFalseTemplate,
  sourceWhichTemplate,
} from './source-templates';
import {
  positionMatchTemplate,
  positionMultiTemplate,
  positionWhoTemplate,
} from './stance-table-templates';
import { trueFalseTemplate } from './true-false';
import {
  explainMultiTemplate,
  explainTrueFalseTemplate,
  explainWhatTemplate,
  explainWhyTemplate,
  figureMeaningTemplate,
  figureTrueFalseTemplate,
  oddOneOutTemplate,
  quoteTopicTemplate,
  relationNameTemplate,
  stanceWhoTemplate,
} from './understanding-templates';
import { eventYearTemplate, numericYearTemplate, yearEventTemplate } from './year-templates';

export const TEMPLATES: readonly Template[] = [
  explainWhyTemplate,
  whyRivalTemplate,
  whyRivalMultiTemplate,
  claimWhoTemplate,
  inAccountTemplate,
  // Causes, motives and costs as multi-select and matching (grow11): curated, each wrong option refuted.
  causeMultiTemplate,
  causeMatchTemplate,
  explainMultiTemplate,
  explainWhatTemplate,
  explainTrueFalseTemplate,
  sourceWhichTemplate,
  sourceTrueFalseTemplate,
  sourceMultiTemplate,
  sourceMatchTemplate,
  // match-reasons is withheld (audit 26: one reader judged all 5 sampled items trivial; the
  // rule that keeps each reason true of its own development only, pairs an era apart, also lets
  // a student match them by topic alone); `reason-match-templates.test.ts` keeps checking its drafts.
  figureMeaningTemplate,
  figureTrueFalseTemplate,
  quoteTopicTemplate,
  // quote-context is withheld (audit 19: 6 of 6 sampled items trivial, the quoted words rule out
  // every other quote's subject); `context-sound.test.ts` keeps checking its drafts.
  figurePeriodTemplate,
  relationNameTemplate,
  stanceWhoTemplate,
  relationRoleTemplate,
  eventRoleTemplate,
  actorWhoTemplate,
  actorRoleTemplate,
  stancePositionTemplate,
  stanceChangeTemplate,
  stanceMatchTemplate,
  positionMatchTemplate,
  positionMultiTemplate,
  positionWhoTemplate,
  // Quotes in context and three under-asked stories, from a reviewed table (grow12).
  quoteMatchTemplate,
  storyMultiTemplate,
  quoteWhoTemplate,
  oddOneOutTemplate,
  stanceSingleTemplate,
  figureAmountTemplate,
  officeStateTemplate,
  stanceMultiTemplate,
  arabStatesTemplate,
  trueFalseTemplate,
  eventYearTemplate,
  yearEventTemplate,
  numericYearTemplate,
  chronologyTemplate,
  whichFirstTemplate,
  whoSaidTemplate,
  officeHolderTemplate,
  matchOfficesTemplate,
  matchYearsTemplate,
  timelinePlacementTemplate,
];

export const templateById = (id: string): Template | undefined =>
  TEMPLATES.find((t) => t.id === id);
