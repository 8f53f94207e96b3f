/**
 * IMS QTI content packages (zip with imsmanifest.xml): 1.2 in the shape Canvas reads and writes
 * (question_type metadata, `<answer id>_fb` / `general_fb` feedback idents), and 2.1 for other
 * systems (one assessmentItem per question, response processing inline). Pure.
 */
import { strToU8, zipSync } from 'fflate';
import { sourcesHtml } from './gift';
import {
  type ExportNote,
  type ExportSet,
  isTrueFalse,
  type PortableQuestion,
  toPortable,
} from './portable';
import { escapeHtml } from './text';

const attr = (text: string) => escapeHtml(text).replace(/'/g, '&#39;');
/** HTML inside XML: the markup escaped once more (mattext texttype="text/html"). */
const mat = (htmlText: string) =>
  `<material><mattext texttype="text/html">${escapeHtml(htmlText)}</mattext></material>`;

const stemHtml = (question: PortableQuestion) =>
  `<p>${escapeHtml(question.stem)}</p>${question.quote ? `<blockquote>${escapeHtml(question.quote)}</blockquote>` : ''}`;

const explanationHtml = (question: PortableQuestion) =>
  `<p>${escapeHtml(question.explanation)}</p>${sourcesHtml(question.sources)}`;

const zip = (files: Record<string, string>): Uint8Array =>
  zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])),
    // A fixed time keeps the archive the same for the same content.
    { level: 6, mtime: new Date('2000-01-01T00:00:00Z') },
  );

// ---------------------------------------------------------------------------------------------
// QTI 1.2 (Canvas)

const CANVAS_TYPE: Record<string, string> = {
  MULTI_SELECT: 'multiple_answers_question',
  NUMERIC_YEAR: 'numerical_question',
  CHRONOLOGY: 'matching_question',
  MATCHING: 'matching_question',
  SHORT_ANSWER: 'short_answer_question',
};

const item12 = (
  question: PortableQuestion,
  ident: string,
  position: number,
  notes: ExportNote[],
) => {
  const feedback: string[] = [
    `<itemfeedback ident="general_fb">${mat(explanationHtml(question))}</itemfeedback>`,
  ];
  const fbFor = (id: string, text?: string) => {
    if (text) {
      feedback.push(
        `<itemfeedback ident="${id}_fb">${mat(`<p>${escapeHtml(text)}</p>`)}</itemfeedback>`,
      );
    }
  };
  let canvasType = CANVAS_TYPE[question.type] ?? 'multiple_choice_question';
  if (question.type === 'TRUE_FALSE' && isTrueFalse(question.options)) {
    canvasType = 'true_false_question';
  }
  let presentation = '';
  let processing = '';
  const outcomes =
    '<outcomes><decvar maxvalue="100" minvalue="0" varname="SCORE" vartype="Decimal"/></outcomes>';
  const general = '<displayfeedback feedbacktype="Response" linkrefid="general_fb"/>';
  if (question.options) {
    const options = question.options;
    const ids = options.map((_o, i) => `${ident}_${i + 1}`);
    const multi = question.type === 'MULTI_SELECT';
    presentation = `<response_lid ident="response1" rcardinality="${multi ? 'Multiple' : 'Single'}"><render_choice>${options
      .map(
        (option, i) =>
          `<response_label ident="${ids[i]}">${mat(escapeHtml(option.label))}</response_label>`,
      )
      .join('')}</render_choice></response_lid>`;
    options.forEach((option, i) => {
      fbFor(ids[i] as string, option.feedback);
    });
    const perOption = options
      .map((option, i) =>
        option.feedback
          ? `<respcondition continue="Yes"><conditionvar><varequal respident="response1">${ids[i]}</varequal></conditionvar><displayfeedback feedbacktype="Response" linkrefid="${ids[i]}_fb"/></respcondition>`
          : '',
      )
      .join('');
    const right = options.flatMap((option, i) => (option.correct ? [ids[i]] : []));
    const wrong = options.flatMap((option, i) => (option.correct ? [] : [ids[i]]));
    const condition = multi
      ? `<and>${right.map((id) => `<varequal respident="response1">${id}</varequal>`).join('')}${wrong
          .map((id) => `<not><varequal respident="response1">${id}</varequal></not>`)
          .join('')}</and>`
      : `<varequal respident="response1">${right[0]}</varequal>`;
    processing = `<respcondition continue="Yes"><conditionvar><other/></conditionvar>${general}</respcondition>${perOption}<respcondition continue="No"><conditionvar>${condition}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`;
  } else if (question.type === 'NUMERIC_YEAR') {
    const tol = question.numeric?.tolerance ?? 0;
    presentation =
      '<response_str ident="response1" rcardinality="Single"><render_fib fibtype="Decimal"><response_label ident="answer1"/></render_fib></response_str>';
    processing = `<respcondition continue="Yes"><conditionvar><other/></conditionvar>${general}</respcondition><respcondition continue="No"><conditionvar><vargte respident="response1">${(question.year ?? 0) - tol}</vargte><varlte respident="response1">${(question.year ?? 0) + tol}</varlte></conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`;
    if (question.answerFeedback) {
      notes.push({
        position,
        kind: 'LOST',
        message: 'QTI 1.2: the rationale of the year is left out.',
      });
    }
  } else if (question.type === 'SHORT_ANSWER') {
    presentation =
      '<response_str ident="response1" rcardinality="Single"><render_fib><response_label ident="answer1" rshuffle="No"/></render_fib></response_str>';
    processing = `<respcondition continue="Yes"><conditionvar><other/></conditionvar>${general}</respcondition><respcondition continue="No"><conditionvar>${(
      question.answers ?? []
    )
      .map((name) => `<varequal respident="response1">${escapeHtml(name)}</varequal>`)
      .join('')}</conditionvar><setvar action="Set" varname="SCORE">100</setvar></respcondition>`;
    notes.push({
      position,
      kind: 'LOST',
      message:
        'QTI 1.2: accepted spellings become exact matches; near misses, typo tolerance and the hint are left out.',
    });
  } else {
    // Matching, and ordering as Canvas makes it: each item matched to its position.
    const items = question.items ?? [];
    const targets =
      question.type === 'CHRONOLOGY'
        ? items.map((_item, i) => String(i + 1))
        : (question.targets ?? []);
    const targetOf = (i: number) =>
      question.type === 'CHRONOLOGY' ? i : (question.pairs?.[i] ?? 0);
    if (question.type === 'CHRONOLOGY') {
      notes.push({
        position,
        kind: 'LOST',
        message:
          'QTI 1.2 (Canvas) has no ordering: each event is matched to its position 1, 2, 3….',
      });
    }
    const targetIds = targets.map((_t, j) => `${ident}_t${j + 1}`);
    presentation = items
      .map(
        (item, i) =>
          `<response_lid ident="response_${i + 1}">${mat(escapeHtml(item.label))}<render_choice>${targets
            .map(
              (target, j) =>
                `<response_label ident="${targetIds[j]}">${mat(escapeHtml(target))}</response_label>`,
            )
            .join('')}</render_choice></response_lid>`,
      )
      .join('');
    const share = (100 / Math.max(items.length, 1)).toFixed(2);
    processing = `<respcondition continue="Yes"><conditionvar><other/></conditionvar>${general}</respcondition>${items
      .map(
        (_item, i) =>
          `<respcondition><conditionvar><varequal respident="response_${i + 1}">${targetIds[targetOf(i)]}</varequal></conditionvar><setvar varname="SCORE" action="Add">${share}</setvar></respcondition>`,
      )
      .join('')}`;
    if (items.some((item) => item.feedback)) {
      notes.push({ position, kind: 'LOST', message: 'QTI 1.2: item rationales are left out.' });
    }
  }
  return `<item ident="${ident}" title="Question ${position}"><itemmetadata><qtimetadata><qtimetadatafield><fieldlabel>question_type</fieldlabel><fieldentry>${canvasType}</fieldentry></qtimetadatafield><qtimetadatafield><fieldlabel>points_possible</fieldlabel><fieldentry>1.0</fieldentry></qtimetadatafield></qtimetadata></itemmetadata><presentation>${mat(stemHtml(question))}${presentation}</presentation><resprocessing>${outcomes}${processing}</resprocessing>${feedback.join('')}</item>`;
};

export const writeQti12 = (set: ExportSet): { bytes: Uint8Array; notes: ExportNote[] } => {
  const notes: ExportNote[] = [];
  const assessment = `a${set.id.replace(/-/g, '')}`;
  const items = set.questions
    .map((stored) =>
      item12(toPortable(stored, set.citations), `q${stored.position}`, stored.position, notes),
    )
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<questestinterop xmlns="http://www.imsglobal.org/xsd/ims_qtiasiv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/ims_qtiasiv1p2 http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd">
<assessment ident="${assessment}" title="${attr(set.title)}"><qtimetadata><qtimetadatafield><fieldlabel>cc_maxattempts</fieldlabel><fieldentry>1</fieldentry></qtimetadatafield></qtimetadata><section ident="root_section">
${items}
</section></assessment></questestinterop>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m${assessment}" xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd">
<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion></metadata>
<organizations/>
<resources><resource identifier="${assessment}" type="imsqti_xmlv1p2"><file href="${assessment}/${assessment}.xml"/></resource></resources>
</manifest>
`;
  return {
    bytes: zip({ 'imsmanifest.xml': manifest, [`${assessment}/${assessment}.xml`]: xml }),
    notes,
  };
};

// ---------------------------------------------------------------------------------------------
// QTI 2.1

const NS21 =
  'xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"';

const value = (v: string) => `<value>${escapeHtml(v)}</value>`;
const SCORE =
  '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration><outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"/>';

const setScore = (condition: string) =>
  `<responseCondition><responseIf>${condition}<setOutcomeValue identifier="SCORE"><baseValue baseType="float">1</baseValue></setOutcomeValue></responseIf></responseCondition><setOutcomeValue identifier="FEEDBACK"><baseValue baseType="identifier">general_fb</baseValue></setOutcomeValue>`;
const matchCorrect =
  '<match><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></match>';

const item21 = (
  question: PortableQuestion,
  ident: string,
  position: number,
  notes: ExportNote[],
) => {
  let declaration = '';
  let interaction = '';
  let condition = matchCorrect;
  const rationales: string[] = [];
  const prompt = `<prompt>${escapeHtml(question.stem)}</prompt>`;
  if (question.options) {
    const multi = question.type === 'MULTI_SELECT';
    const ids = question.options.map((_o, i) => `C${i + 1}`);
    declaration = `<responseDeclaration identifier="RESPONSE" cardinality="${multi ? 'multiple' : 'single'}" baseType="identifier"><correctResponse>${question.options
      .flatMap((option, i) => (option.correct ? [value(ids[i] as string)] : []))
      .join('')}</correctResponse></responseDeclaration>`;
    interaction = `<choiceInteraction responseIdentifier="RESPONSE" shuffle="true" maxChoices="${multi ? 0 : 1}">${prompt}${question.options
      .map(
        (option, i) =>
          `<simpleChoice identifier="${ids[i]}">${escapeHtml(option.label)}</simpleChoice>`,
      )
      .join('')}</choiceInteraction>`;
    question.options.forEach((option) => {
      if (option.feedback) {
        rationales.push(
          `<li><strong>${escapeHtml(option.label)}</strong>: ${escapeHtml(option.feedback)}</li>`,
        );
      }
    });
  } else if (question.type === 'CHRONOLOGY') {
    const items = question.items ?? [];
    declaration = `<responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier"><correctResponse>${items
      .map((_item, i) => value(`I${i + 1}`))
      .join('')}</correctResponse></responseDeclaration>`;
    interaction = `<orderInteraction responseIdentifier="RESPONSE" shuffle="true">${prompt}${items
      .map(
        (item, i) =>
          `<simpleChoice identifier="I${i + 1}">${escapeHtml(item.label)}</simpleChoice>`,
      )
      .join('')}</orderInteraction>`;
  } else if (question.type === 'MATCHING') {
    const items = question.items ?? [];
    const targets = question.targets ?? [];
    declaration = `<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair"><correctResponse>${items
      .map((_item, i) => value(`L${i + 1} R${(question.pairs?.[i] ?? 0) + 1}`))
      .join('')}</correctResponse></responseDeclaration>`;
    interaction = `<matchInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="${items.length}">${prompt}<simpleMatchSet>${items
      .map(
        (item, i) =>
          `<simpleAssociableChoice identifier="L${i + 1}" matchMax="1">${escapeHtml(item.label)}</simpleAssociableChoice>`,
      )
      .join('')}</simpleMatchSet><simpleMatchSet>${targets
      .map(
        (target, j) =>
          `<simpleAssociableChoice identifier="R${j + 1}" matchMax="1">${escapeHtml(target)}</simpleAssociableChoice>`,
      )
      .join('')}</simpleMatchSet></matchInteraction>`;
  } else if (question.type === 'NUMERIC_YEAR') {
    const tol = question.numeric?.tolerance ?? 0;
    declaration = `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer"><correctResponse>${value(String(question.year))}</correctResponse></responseDeclaration>`;
    interaction = `<p>${escapeHtml(question.stem)} <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="4"/></p>`;
    // Tolerance needs its own rule: match_correct would accept only the exact year.
    condition = `<equal toleranceMode="absolute" tolerance="${tol} ${tol}"><variable identifier="RESPONSE"/><correct identifier="RESPONSE"/></equal>`;
    if (question.answerFeedback) {
      rationales.push(`<li>${escapeHtml(question.answerFeedback)}</li>`);
    }
  } else {
    const answers = question.answers ?? [];
    declaration = `<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="string"><correctResponse>${value(answers[0] ?? '')}</correctResponse><mapping defaultValue="0">${answers
      .map((name) => `<mapEntry mapKey="${attr(name)}" mappedValue="1" caseSensitive="false"/>`)
      .join('')}</mapping></responseDeclaration>`;
    interaction = `<p>${escapeHtml(question.stem)} <textEntryInteraction responseIdentifier="RESPONSE" expectedLength="30"/></p>`;
    condition =
      '<gte><mapResponse identifier="RESPONSE"/><baseValue baseType="float">1</baseValue></gte>';
    notes.push({
      position,
      kind: 'LOST',
      message:
        'QTI 2.1: accepted spellings match case-insensitively only; near misses and typo tolerance are left out (Canvas keeps only the first spelling).',
    });
    if (question.answerFeedback) {
      rationales.push(`<li>${escapeHtml(question.answerFeedback)}</li>`);
    }
  }
  if (question.items?.some((item) => item.feedback)) {
    notes.push({ position, kind: 'LOST', message: 'QTI 2.1: item rationales are left out.' });
  }
  const stemBlock =
    question.type === 'NUMERIC_YEAR' || question.type === 'SHORT_ANSWER'
      ? ''
      : question.quote
        ? `<blockquote><p>${escapeHtml(question.quote)}</p></blockquote>`
        : '';
  const rationaleList = rationales.length ? `<ul>${rationales.join('')}</ul>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem ${NS21} identifier="${ident}" title="Question ${position}" adaptive="false" timeDependent="false">
${declaration}${SCORE}
<itemBody>${stemBlock}${interaction}</itemBody>
<responseProcessing>${setScore(condition)}</responseProcessing>
<modalFeedback outcomeIdentifier="FEEDBACK" identifier="general_fb" showHide="show"><div>${explanationHtml(question)}${rationaleList}</div></modalFeedback>
</assessmentItem>
`;
};

export const writeQti21 = (set: ExportSet): { bytes: Uint8Array; notes: ExportNote[] } => {
  const notes: ExportNote[] = [];
  const files: Record<string, string> = {};
  const resources: string[] = [];
  const refs: string[] = [];
  for (const stored of set.questions) {
    const ident = `q${stored.position}`;
    const href = `items/${ident}.xml`;
    files[href] = item21(toPortable(stored, set.citations), ident, stored.position, notes);
    resources.push(
      `<resource identifier="res-${ident}" type="imsqti_item_xmlv2p1" href="${href}"><file href="${href}"/></resource>`,
    );
    refs.push(`<assessmentItemRef identifier="${ident}" href="../${href}"/>`);
  }
  files['tests/test.xml'] = `<?xml version="1.0" encoding="UTF-8"?>
<assessmentTest ${NS21} identifier="test" title="${attr(set.title)}">
<testPart identifier="part1" navigationMode="nonlinear" submissionMode="individual"><assessmentSection identifier="section1" title="${attr(set.title)}" visible="true">${refs.join('')}</assessmentSection></testPart>
</assessmentTest>
`;
  resources.unshift(
    `<resource identifier="res-test" type="imsqti_test_xmlv2p1" href="tests/test.xml"><file href="tests/test.xml"/>${set.questions
      .map((q) => `<dependency identifierref="res-q${q.position}"/>`)
      .join('')}</resource>`,
  );
  files['imsmanifest.xml'] = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="manifest-${set.id}" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd">
<metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>
<organizations/>
<resources>${resources.join('')}</resources>
</manifest>
`;
  notes.push({
    position: null,
    kind: 'LOST',
    message:
      'QTI 2.1: option rationales are listed in each question’s general feedback (no per-choice feedback).',
  });
  return { bytes: zip(files), notes };
};
