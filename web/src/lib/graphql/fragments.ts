import { graphql } from '@/gql';

// Fragments shared by several features. The API's depth limit counts fields, not fragment
// spreads, so nesting fragments costs nothing against it.

export const CitationFieldsDoc = graphql(`
  fragment CitationFields on Citation {
    id
    quote
    locator
    source {
      slug
      title
      publisher
      publishedLabel
      url
      kind
    }
  }
`);

export const PromptFieldsDoc = graphql(`
  fragment PromptFields on QuestionPrompt {
    options {
      id
      label
    }
    items {
      id
      label
    }
    targets {
      id
      label
    }
    numeric {
      min
      max
      tolerance
    }
    quote
    selectMany
    answerHint
  }
`);

/** The key with why each option is right or wrong: students get it once their answer is locked. */
export const AnswerKeyFieldsDoc = graphql(`
  fragment AnswerKeyFields on AnswerKey {
    optionIds
    order
    pairs {
      itemId
      targetId
    }
    year
    answers
    rejects
    rationales {
      ref
      isCorrect
      text
      citations {
        ...CitationFields
      }
    }
  }
`);

/** Validation errors returned in a mutation's payload. */
export const FieldErrorFieldsDoc = graphql(`
  fragment FieldErrorFields on FieldError {
    field
    code
    message
  }
`);
