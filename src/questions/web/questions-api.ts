import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, patch, post } from '../../app/web/api';
import type { AskQuestionInput, GuestQuestionInput, GuestQuestionReceipt, ListQuestionsQuery, LogQuestionInput, QuestionView } from '../question-schemas';

// The pages read the same schemas the server answers with (question-schemas.ts).
export type Question = QuestionView;
export type QuestionClock = Question['clocks'][number];
export type { AskQuestionInput, ListQuestionsQuery, LogQuestionInput };

export const questionKeys = {
  all: ['questions'] as const,
  list: (query: ListQuestionsQuery) => ['questions', 'list', query] as const,
  detail: (id: string) => ['questions', 'detail', id] as const,
};

export const isNotFound = (error: unknown) => isApiProblem(error) && (error.status === 404 || error.status === 400);

export function useQuestions(query: ListQuestionsQuery) {
  return useQuery({
    queryKey: questionKeys.list(query),
    queryFn: ({ signal }) => get<Question[]>('/questions', query, signal),
  });
}

export function useQuestion(id: string | undefined) {
  return useQuery({
    queryKey: questionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => get<Question>(`/questions/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: !!id,
    retry: (count, error) => !isNotFound(error) && count < 2,
  });
}

/** Keeps the question's page and the lists in step after a change the server answered with. */
function useStoreQuestion() {
  const client = useQueryClient();
  return (question: Question) => {
    client.setQueryData(questionKeys.detail(question.id), question);
    void client.invalidateQueries({ queryKey: ['questions', 'list'] });
  };
}

export function useAskQuestion() {
  const store = useStoreQuestion();
  return useMutation({ mutationFn: (input: AskQuestionInput) => post<Question>('/questions', input), onSuccess: store });
}

/** The public form: nothing to cache, the receipt is shown once and mailed. */
export function useAskAsGuest() {
  return useMutation({ mutationFn: (input: GuestQuestionInput) => post<GuestQuestionReceipt>('/questions/guest', input) });
}

export function useLogQuestion() {
  const store = useStoreQuestion();
  return useMutation({ mutationFn: (input: LogQuestionInput) => post<Question>('/questions/logged', input), onSuccess: store });
}

export function useAssignQuestion(id: string) {
  const store = useStoreQuestion();
  return useMutation({
    mutationFn: (assigneeId: string | null) => patch<Question>(`/questions/${id}/assignee`, { assigneeId }),
    onSuccess: store,
  });
}

export function useAnswerQuestion(id: string) {
  const store = useStoreQuestion();
  return useMutation({ mutationFn: (body: string) => post<Question>(`/questions/${id}/answers`, { body }), onSuccess: store });
}
