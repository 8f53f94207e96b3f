import {
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * The mutations that start a session or create an account. Each is a password guess, an account
 * or a guest: a request may carry one of them, alone, so aliases cannot turn one request into
 * fifteen guesses and a cookie can only answer the one field the body reports on.
 * (`one-session-mutation.test.ts` checks that every mutation returning a session is listed.)
 */
export const SESSION_MUTATIONS = new Set(['signIn', 'signUp', 'joinAsGuest']);

/** The root fields of a selection, through fragments and inline fragments, each spread once. */
const rootFields = (
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
  out: FieldNode[],
): FieldNode[] => {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFields(selection.selectionSet, fragments, seen, out);
    } else {
      // A fragment spread twice still selects its fields twice: count every spread, but stop
      // at a cycle (another rule reports it).
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) {
        rootFields(fragment.selectionSet, fragments, new Set([...seen, name]), out);
      }
    }
  }
  return out;
};

/**
 * Validation rule: a mutation operation that selects a session mutation selects exactly one
 * field, that one (besides `__typename`), once. Runs before anything executes, so a refused
 * request changes nothing (GRAPHQL_VALIDATION_FAILED, HTTP 400).
 */
export const OneSessionMutationRule = (context: ValidationContext): ASTVisitor => {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') {
        return false;
      }
      const fields = rootFields(node.selectionSet, fragments, new Set(), []).filter(
        (field) => field.name.value !== '__typename',
      );
      const session = fields.filter((field) => SESSION_MUTATIONS.has(field.name.value));
      if (session.length > 0 && fields.length > 1) {
        context.reportError(
          new GraphQLError(
            `${[...SESSION_MUTATIONS].join(', ')} must be the only field of a request, once (this one selects ${session.length} of them among ${fields.length} fields)`,
            { nodes: fields },
          ),
        );
      }
      return false;
    },
  };
};
