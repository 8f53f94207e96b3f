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

/** Root fields of a selection (`__typename` aside): how many, how many are session mutations. */
type RootCount = { fields: number; session: number; nodes: FieldNode[] };

/** Field nodes kept for the error's locations; the counts go on past it. */
const MAX_NODES = 20;

const addInto = (into: RootCount, from: RootCount) => {
  into.fields += from.fields;
  into.session += from.session;
  for (const node of from.nodes) {
    if (into.nodes.length < MAX_NODES) {
      into.nodes.push(node);
    }
  }
};

/**
 * Counts the root fields of a selection, through fragments and inline fragments. A fragment
 * spread twice selects its fields twice, so every spread counts, but each fragment is counted
 * once and its count reused: walking every spread of a fragment bomb (`...F1 ...F1` in F0,
 * `...F2 ...F2` in F1, …) took 15 s of the event loop at 22 levels. A cycle counts nothing
 * (NoFragmentCyclesRule reports it).
 */
const countRootFields = (
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  counted: Map<string, RootCount>,
  inProgress: Set<string>,
): RootCount => {
  const count: RootCount = { fields: 0, session: 0, nodes: [] };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') {
        addInto(count, {
          fields: 1,
          session: SESSION_MUTATIONS.has(selection.name.value) ? 1 : 0,
          nodes: [selection],
        });
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      addInto(count, countRootFields(selection.selectionSet, fragments, counted, inProgress));
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      let known = counted.get(name);
      if (!known && fragment && !inProgress.has(name)) {
        inProgress.add(name);
        known = countRootFields(fragment.selectionSet, fragments, counted, inProgress);
        inProgress.delete(name);
        counted.set(name, known);
      }
      if (known) {
        addInto(count, known);
      }
    }
  }
  return count;
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
  const counted = new Map<string, RootCount>();
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') {
        return false;
      }
      const { fields, session, nodes } = countRootFields(
        node.selectionSet,
        fragments,
        counted,
        new Set(),
      );
      if (session > 0 && fields > 1) {
        context.reportError(
          new GraphQLError(
            `${[...SESSION_MUTATIONS].join(', ')} must be the only field of a request, once (this one selects ${session} of them among ${fields} fields)`,
            { nodes },
          ),
        );
      }
      return false;
    },
  };
};
