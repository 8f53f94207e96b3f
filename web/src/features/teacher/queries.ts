import { graphql } from '@/gql';

export const BankQuestionFieldsDoc = graphql(`
  fragment BankQuestionFields on BankQuestion {
    id
    type
    template
    origin
    basedOnId
    stem
    explanation
    difficulty
    factStatus
    eras {
      slug
      name
    }
    updatedAt
    author {
      id
      displayName
    }
    era {
      slug
      name
    }
    themes {
      slug
      name
    }
    actors {
      slug
      name
    }
    prompt {
      ...PromptFields
    }
    # The order students see, for the preview (the editor fills its form from prompt).
    presentedPrompt {
      ...PromptFields
    }
    key {
      ...AnswerKeyFields
    }
    citations {
      ...CitationFields
    }
  }
`);

export const TeacherDashboardDocument = graphql(`
  query TeacherDashboard {
    mySets {
      id
      title
      status
      shareCode
      questionCount
      attemptCount
      updatedAt
      class {
        id
        name
      }
      retiredItems {
        position
      }
    }
    myClasses {
      id
      name
      joinCode
      memberCount
    }
  }
`);

export const CreateQuestionSetDocument = graphql(`
  mutation CreateQuestionSet($input: CreateQuestionSetInput!) {
    createQuestionSet(input: $input) {
      errors {
        ...FieldErrorFields
      }
      questionSet {
        id
      }
    }
  }
`);

export const CreateClassDocument = graphql(`
  mutation CreateClass($input: CreateClassInput!) {
    createClass(input: $input) {
      errors {
        ...FieldErrorFields
      }
      class {
        id
        name
        joinCode
      }
    }
  }
`);

export const ClassDocument = graphql(`
  query Class($id: ID!) {
    class(id: $id) {
      id
      name
      joinCode
      memberCount
      createdAt
      members {
        id
        displayName
        isGuest
      }
    }
  }
`);

export const RemoveClassMemberDocument = graphql(`
  mutation RemoveClassMember($classId: ID!, $userId: ID!) {
    removeClassMember(classId: $classId, userId: $userId) {
      class {
        id
      }
    }
  }
`);

export const RenewClassJoinCodeDocument = graphql(`
  mutation RenewClassJoinCode($id: ID!) {
    renewClassJoinCode(id: $id) {
      class {
        id
        joinCode
      }
    }
  }
`);

export const QuestionSetFieldsDoc = graphql(`
  fragment QuestionSetFields on QuestionSet {
    id
    title
    description
    status
    shareCode
    scoringMode
    shuffleQuestions
    allowRetakes
    questionCount
    attemptCount
    publishedAt
    updatedAt
    class {
      id
      name
    }
    items {
      position
      timeLimitSec
      question {
        id
        type
        stem
        origin
      }
    }
    clues {
      givenBy
      answers
      answer
    }
    overlaps {
      a
      b
      reason
    }
    retiredItems {
      position
      question {
        id
        stem
        retirement {
          reason
          note
          replacement {
            id
            stem
          }
        }
      }
    }
  }
`);

export const ReplaceRetiredQuestionDocument = graphql(`
  mutation ReplaceRetiredQuestion($setId: ID!, $position: Int!) {
    replaceRetiredQuestion(setId: $setId, position: $position) {
      errors {
        ...FieldErrorFields
      }
      questionSet {
        ...QuestionSetFields
      }
    }
  }
`);

export const QuestionSetDocument = graphql(`
  query QuestionSet($id: ID!) {
    questionSet(id: $id) {
      ...QuestionSetFields
    }
    myClasses {
      id
      name
    }
  }
`);

export const UpdateQuestionSetDocument = graphql(`
  mutation UpdateQuestionSet($id: ID!, $input: UpdateQuestionSetInput!) {
    updateQuestionSet(id: $id, input: $input) {
      errors {
        ...FieldErrorFields
      }
      questionSet {
        ...QuestionSetFields
      }
    }
  }
`);

export const SetQuestionSetItemsDocument = graphql(`
  mutation SetQuestionSetItems($id: ID!, $items: [QuestionSetItemInput!]!) {
    setQuestionSetItems(id: $id, items: $items) {
      errors {
        ...FieldErrorFields
      }
      questionSet {
        ...QuestionSetFields
      }
    }
  }
`);

export const PublishQuestionSetDocument = graphql(`
  mutation PublishQuestionSet($id: ID!) {
    publishQuestionSet(id: $id) {
      errors {
        ...FieldErrorFields
      }
      questionSet {
        ...QuestionSetFields
      }
    }
  }
`);

export const ArchiveQuestionSetDocument = graphql(`
  mutation ArchiveQuestionSet($id: ID!) {
    archiveQuestionSet(id: $id) {
      errors {
        ...FieldErrorFields
      }
      questionSet {
        ...QuestionSetFields
      }
    }
  }
`);

export const BankQuestionsDocument = graphql(`
  query BankQuestions($filter: QuestionFilter, $first: Int, $after: String) {
    bankQuestions(filter: $filter, first: $first, after: $after) {
      totalCount
      facets {
        types {
          ...FacetCountFields
        }
        eras {
          ...FacetCountFields
        }
        spansEras
        themes {
          ...FacetCountFields
        }
        actors {
          ...FacetCountFields
        }
        sources {
          ...FacetCountFields
        }
        difficulties {
          ...FacetCountFields
        }
        statuses {
          ...FacetCountFields
        }
      }
      nodes {
        ...BankQuestionFields
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

export const FacetCountFieldsDoc = graphql(`
  fragment FacetCountFields on FacetCount {
    value
    label
    count
  }
`);

export const SimilarQuestionsDocument = graphql(`
  query SimilarQuestions($id: ID!, $first: Int) {
    similarQuestions(id: $id, first: $first) {
      ...BankQuestionFields
    }
  }
`);

export const BankQuestionDocument = graphql(`
  query BankQuestion($id: ID!) {
    bankQuestion(id: $id) {
      ...BankQuestionFields
    }
  }
`);

export const GenerateQuestionsDocument = graphql(`
  mutation GenerateQuestions($input: GenerateQuestionsInput!) {
    generateQuestions(input: $input) {
      available
      questions {
        ...BankQuestionFields
      }
    }
  }
`);

export const UpdateQuestionDocument = graphql(`
  mutation UpdateQuestion($id: ID!, $input: QuestionInput!) {
    updateQuestion(id: $id, input: $input) {
      errors {
        ...FieldErrorFields
      }
      question {
        ...BankQuestionFields
      }
    }
  }
`);

export const CreateQuestionDocument = graphql(`
  mutation CreateQuestion($input: QuestionInput!) {
    createQuestion(input: $input) {
      errors {
        ...FieldErrorFields
      }
      question {
        ...BankQuestionFields
      }
    }
  }
`);

export const SetAnalyticsDocument = graphql(`
  query SetAnalytics($setId: ID!, $classId: ID) {
    setAnalytics(setId: $setId, classId: $classId) {
      attemptCount
      playerCount
      meanScore
      class {
        id
        name
      }
      set {
        id
        title
        questionCount
        status
        shareCode
      }
      students {
        attemptCount
        firstScore
        retakeCount
        medianAnswerSeconds
        flags
        bestScore
        bestCorrectCount
        lastScore
        lastFinishedAt
        player {
          id
          displayName
          isGuest
        }
        answers {
          position
          answered
          isCorrect
          credit
          points
          timedOut
          given
        }
      }
      scoreDistribution {
        fromPercent
        toPercent
        count
      }
      minimumAnswers {
        code
        label
        minimum
        why
      }
      questions {
        position
        answerCount
        correctCount
        facility
        discrimination
        meanCredit
        flags
        findings {
          code
          message
        }
        measured {
          answerCount
          expectedCorrect
          priorExpectedCorrect
          status
        }
        question {
          id
          stem
          type
        }
        options {
          optionId
          label
          isCorrect
          pickCount
          pickRate
        }
      }
    }
    myClasses {
      id
      name
    }
  }
`);

export type BankFilterValues = {
  types: string[];
  eras: string[];
  actors: string[];
  themes: string[];
  /** Bank only: the facets the generator does not take. */
  spansEras?: boolean;
  sources?: string[];
  statuses?: string[];
  difficulties?: string[];
  search: string;
  minDifficulty: number | null;
  maxDifficulty: number | null;
  mine: boolean;
};

export const TeacherInvitationsDocument = graphql(`
  query TeacherInvitations {
    myTeacherInvitations {
      id
      label
      status
      createdAt
      expiresAt
      usedBy {
        displayName
      }
    }
  }
`);

export const CreateTeacherInvitationDocument = graphql(`
  mutation CreateTeacherInvitation($label: String) {
    createTeacherInvitation(label: $label) {
      code
      invitation {
        id
      }
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const RevokeTeacherInvitationDocument = graphql(`
  mutation RevokeTeacherInvitation($id: ID!) {
    revokeTeacherInvitation(id: $id) {
      id
      status
    }
  }
`);

export const teacherKeys = {
  all: ['teacher'] as const,
  dashboard: () => [...teacherKeys.all, 'dashboard'] as const,
  invitations: () => [...teacherKeys.all, 'invitations'] as const,
  set: (id: string) => [...teacherKeys.all, 'set', id] as const,
  klass: (id: string) => [...teacherKeys.all, 'class', id] as const,
  bank: (filter: BankFilterValues) => [...teacherKeys.all, 'bank', filter] as const,
  question: (id: string) => [...teacherKeys.all, 'question', id] as const,
  analytics: (setId: string, classId: string | null) =>
    [...teacherKeys.all, 'analytics', setId, classId] as const,
};
