import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  CreateQuestionSetInput,
  GenerateQuestionsInput,
  QuestionFilter,
  QuestionInput,
  QuestionSetItemInput,
  UpdateQuestionSetInput,
} from '@/gql/graphql';
import { gqlRequest } from '@/lib/graphql/client';
import {
  ArchiveQuestionSetDocument,
  type BankFilterValues,
  BankQuestionDocument,
  BankQuestionsDocument,
  ClassDocument,
  CreateClassDocument,
  CreateQuestionDocument,
  CreateQuestionSetDocument,
  CreateTeacherInvitationDocument,
  GenerateQuestionsDocument,
  PublishQuestionSetDocument,
  QuestionSetDocument,
  RemoveClassMemberDocument,
  RenewClassJoinCodeDocument,
  ReplaceRetiredQuestionDocument,
  RevokeTeacherInvitationDocument,
  SetAnalyticsDocument,
  SetQuestionSetItemsDocument,
  SimilarQuestionsDocument,
  TeacherDashboardDocument,
  TeacherInvitationsDocument,
  teacherKeys,
  UpdateQuestionDocument,
  UpdateQuestionSetDocument,
} from './queries';

export const useTeacherDashboard = () =>
  useQuery({
    queryKey: teacherKeys.dashboard(),
    queryFn: ({ signal }) => gqlRequest(TeacherDashboardDocument, undefined, { signal }),
  });

export const useCreateQuestionSet = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateQuestionSetInput) => gqlRequest(CreateQuestionSetDocument, { input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teacherKeys.dashboard() }),
  });
};

export const useTeacherInvitations = () =>
  useQuery({
    queryKey: teacherKeys.invitations(),
    queryFn: ({ signal }) => gqlRequest(TeacherInvitationsDocument, undefined, { signal }),
    select: (data) => data.myTeacherInvitations,
  });

export const useCreateTeacherInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (label: string) => gqlRequest(CreateTeacherInvitationDocument, { label }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teacherKeys.invitations() }),
  });
};

export const useRevokeTeacherInvitation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => gqlRequest(RevokeTeacherInvitationDocument, { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teacherKeys.invitations() }),
  });
};

export const useCreateClass = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => gqlRequest(CreateClassDocument, { input: { name } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: teacherKeys.dashboard() }),
        queryClient.invalidateQueries({ queryKey: ['viewer'] }),
      ]),
  });
};

export const useClass = (id: string) =>
  useQuery({
    queryKey: teacherKeys.klass(id),
    queryFn: ({ signal }) => gqlRequest(ClassDocument, { id }, { signal }),
  });

/** The class's teacher removes a member or renews the join code; the class is read again. */
export const useRemoveClassMember = (classId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => gqlRequest(RemoveClassMemberDocument, { classId, userId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teacherKeys.klass(classId) }),
  });
};

export const useRenewClassJoinCode = (classId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => gqlRequest(RenewClassJoinCodeDocument, { id: classId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teacherKeys.klass(classId) }),
  });
};

export const useQuestionSet = (id: string) =>
  useQuery({
    queryKey: teacherKeys.set(id),
    queryFn: ({ signal }) => gqlRequest(QuestionSetDocument, { id }, { signal }),
  });

/** Set mutations return the whole set: write it to the cache, then refresh the lists. */
const useSetMutation = <TVariables, TData>(
  setId: string,
  run: (variables: TVariables) => Promise<TData>,
  pick: (data: TData) => { errors: readonly unknown[]; questionSet?: unknown } | null | undefined,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (data) => {
      const payload = pick(data);
      if (payload?.questionSet) {
        queryClient.setQueryData(teacherKeys.set(setId), (old: object | undefined) =>
          old ? { ...old, questionSet: payload.questionSet } : old,
        );
      }
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: teacherKeys.dashboard() }),
        queryClient.invalidateQueries({ queryKey: ['sets'] }),
      ]);
    },
  });
};

export const useUpdateQuestionSet = (id: string) =>
  useSetMutation(
    id,
    (input: UpdateQuestionSetInput) => gqlRequest(UpdateQuestionSetDocument, { id, input }),
    (data) => data.updateQuestionSet,
  );

export const useSetQuestionSetItems = (id: string) =>
  useSetMutation(
    id,
    (items: QuestionSetItemInput[]) => gqlRequest(SetQuestionSetItemsDocument, { id, items }),
    (data) => data.setQuestionSetItems,
  );

/** Swaps a corrected (retired) question for the replacement the rebuilt bank offers. */
export const useReplaceRetiredQuestion = (id: string) =>
  useSetMutation(
    id,
    (position: number) => gqlRequest(ReplaceRetiredQuestionDocument, { setId: id, position }),
    (data) => data.replaceRetiredQuestion,
  );

export const usePublishQuestionSet = (id: string) =>
  useSetMutation(
    id,
    () => gqlRequest(PublishQuestionSetDocument, { id }),
    (data) => data.publishQuestionSet,
  );

export const useArchiveQuestionSet = (id: string) =>
  useSetMutation(
    id,
    () => gqlRequest(ArchiveQuestionSetDocument, { id }),
    (data) => data.archiveQuestionSet,
  );

export const toQuestionFilter = (values: BankFilterValues): QuestionFilter => ({
  ...(values.types.length ? { types: values.types as QuestionFilter['types'] } : {}),
  ...(values.eras.length ? { eras: values.eras } : {}),
  ...(values.actors.length ? { actors: values.actors } : {}),
  ...(values.themes.length ? { themes: values.themes } : {}),
  ...(values.spansEras ? { spansEras: true } : {}),
  ...(values.sources?.length ? { sources: values.sources } : {}),
  ...(values.statuses?.length
    ? { statuses: values.statuses as NonNullable<QuestionFilter['statuses']> }
    : {}),
  ...(values.difficulties?.length
    ? { difficulties: values.difficulties as NonNullable<QuestionFilter['difficulties']> }
    : {}),
  ...(values.search.trim() ? { search: values.search.trim() } : {}),
  ...(values.minDifficulty !== null ? { minDifficulty: values.minDifficulty } : {}),
  ...(values.maxDifficulty !== null ? { maxDifficulty: values.maxDifficulty } : {}),
  ...(values.mine ? { mine: true } : {}),
});

export const useBankQuestions = (values: BankFilterValues) =>
  useInfiniteQuery({
    queryKey: teacherKeys.bank(values),
    queryFn: ({ pageParam, signal }) =>
      gqlRequest(
        BankQuestionsDocument,
        { filter: toQuestionFilter(values), first: 20, after: pageParam },
        { signal },
      ),
    // Keep the chips and their counts in place while the next filter's result loads.
    placeholderData: keepPreviousData,
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.bankQuestions.pageInfo.hasNextPage ? last.bankQuestions.pageInfo.endCursor : undefined,
  });

export const useGenerateQuestions = () =>
  useMutation({
    mutationFn: (input: GenerateQuestionsInput) => gqlRequest(GenerateQuestionsDocument, { input }),
  });

/** "More like this" for one question; fetched only once `enabled` (the disclosure is open). */
export const useSimilarQuestions = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...teacherKeys.question(id), 'similar'],
    queryFn: ({ signal }) => gqlRequest(SimilarQuestionsDocument, { id, first: 5 }, { signal }),
    enabled,
  });

export const useBankQuestion = (id: string) =>
  useQuery({
    queryKey: teacherKeys.question(id),
    queryFn: ({ signal }) => gqlRequest(BankQuestionDocument, { id }, { signal }),
    enabled: id !== '',
  });

export const useSaveQuestion = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: QuestionInput }) =>
      id
        ? gqlRequest(UpdateQuestionDocument, { id, input }).then((data) => data.updateQuestion)
        : gqlRequest(CreateQuestionDocument, { input }).then((data) => data.createQuestion),
    onSuccess: (payload) => {
      if (payload.question) {
        return queryClient.invalidateQueries({ queryKey: teacherKeys.all });
      }
    },
  });
};

export const useSetAnalytics = (setId: string, classId: string | null) =>
  useQuery({
    queryKey: teacherKeys.analytics(setId, classId),
    queryFn: ({ signal }) =>
      gqlRequest(SetAnalyticsDocument, { setId, ...(classId ? { classId } : {}) }, { signal }),
  });
