import { graphql } from '@/gql';

export const ExportQuestionSetDocument = graphql(`
  query ExportQuestionSet($setId: ID!, $format: ExportFormat!) {
    exportQuestionSet(setId: $setId, format: $format) {
      filename
      mimeType
      encoding
      content
      notes {
        position
        kind
        message
      }
    }
  }
`);

export const ExportSetResultsDocument = graphql(`
  query ExportSetResults($setId: ID!, $classId: ID, $format: ResultsFormat!) {
    exportSetResults(setId: $setId, classId: $classId, format: $format) {
      filename
      mimeType
      encoding
      content
    }
  }
`);

export const ImportQuestionsDocument = graphql(`
  mutation ImportQuestions($input: ImportQuestionsInput!) {
    importQuestions(input: $input) {
      imported
      preview {
        line
        type
        stem
        optionCount
        notes
      }
      problems {
        line
        field
        message
      }
      notes {
        line
        message
      }
      questions {
        id
      }
    }
  }
`);

/** The set to print: the worksheet asks for no key at all, so none can reach the page. */
export const PrintSetDocument = graphql(`
  query PrintSet($id: ID!, $withKey: Boolean!) {
    questionSet(id: $id) {
      id
      title
      description
      items {
        position
        question {
          id
          type
          stem
          explanation @include(if: $withKey)
          # The order students see on screen, not the stored one (a chronology's is its key).
          presentedPrompt {
            ...PromptFields
          }
          key @include(if: $withKey) {
            ...AnswerKeyFields
          }
          citations @include(if: $withKey) {
            ...CitationFields
          }
        }
      }
    }
  }
`);

export const ResultsExportClassesDocument = graphql(`
  query ResultsExportClasses {
    myClasses {
      id
      name
    }
  }
`);
