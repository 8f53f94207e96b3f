import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { limitErrors } from './limits';

/**
 * Fields whose one execution is a whole file or report built in memory, at a cost the cost
 * estimate cannot see (it counts response values, and a file is one string): a host aliasing
 * `exportLiveResults` 15 times took 483 ms for 176 kB. Each may appear once in an operation;
 * the web never asks for one twice. (`expensive-fields.test.ts` fails when a new export or
 * import field is not listed.)
 */
export const EXPENSIVE_FIELDS: ReadonlySet<string> = new Set([
  'Query.exportQuestionSet',
  'Query.exportSetResults',
  'Query.exportLiveResults',
  'Query.liveReport',
  'Mutation.importQuestions',
]);

/** How many times one operation may select each expensive field. */
export const MAX_EXPENSIVE_FIELD_SELECTIONS = 1;

type Counts = Map<string, number>;

const add = (into: Counts, from: Counts, times = 1) => {
  for (const [field, n] of from) {
    into.set(field, (into.get(field) ?? 0) + n * times);
  }
};

/**
 * Validation rule: in each operation, every field of EXPENSIVE_FIELDS is selected at most once,
 * counting aliases, repeats, inline fragments and every spread of a fragment (a fragment spread
 * twice selects its fields twice; `@include`/`@skip` are not evaluated, so a field behind a
 * directive counts). Each fragment is counted once and its total reused, so a fragment bomb costs
 * this rule one pass per fragment; a cycle counts nothing (NoFragmentCyclesRule reports it).
 * Refused before anything runs: HTTP 400 `QUERY_TOO_COMPLEX`, `extensions.limit` "expensiveField".
 */
export const ExpensiveFieldsOnceRule = (context: ValidationContext): ASTVisitor => {
  const schema = context.getSchema();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const fragmentCounts = new Map<string, Counts>();
  const inProgress = new Set<string>();

  const typeNamed = (name: string | undefined): GraphQLCompositeType | null => {
    const type = name ? schema.getType(name) : undefined;
    return type && isCompositeType(type) ? type : null;
  };

  const countSelections = (
    selectionSet: SelectionSetNode,
    parent: GraphQLCompositeType | null,
  ): Counts => {
    const counts: Counts = new Map();
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent))
            ? parent.getFields()[selection.name.value]
            : undefined;
        if (parent && field) {
          const key = `${parent.name}.${selection.name.value}`;
          if (EXPENSIVE_FIELDS.has(key)) {
            counts.set(key, (counts.get(key) ?? 0) + 1);
          }
        }
        if (selection.selectionSet) {
          const named = field ? getNamedType(field.type) : undefined;
          add(
            counts,
            countSelections(selection.selectionSet, named && isCompositeType(named) ? named : null),
          );
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? typeNamed(selection.typeCondition.name.value)
          : parent;
        add(counts, countSelections(selection.selectionSet, type));
      } else {
        add(counts, countFragment(selection.name.value));
      }
    }
    return counts;
  };

  const countFragment = (name: string): Counts => {
    const known = fragmentCounts.get(name);
    if (known) {
      return known;
    }
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) {
      return new Map();
    }
    inProgress.add(name);
    const counts = countSelections(
      fragment.selectionSet,
      typeNamed(fragment.typeCondition.name.value),
    );
    inProgress.delete(name);
    fragmentCounts.set(name, counts);
    return counts;
  };

  return {
    OperationDefinition(node) {
      const root = schema.getRootType(node.operation) ?? null;
      for (const [field, found] of countSelections(node.selectionSet, root)) {
        if (found > MAX_EXPENSIVE_FIELD_SELECTIONS) {
          context.reportError(
            limitErrors.expensiveField(
              field.split('.')[1] as string,
              found,
              MAX_EXPENSIVE_FIELD_SELECTIONS,
            ),
          );
        }
      }
      return false;
    },
  };
};
