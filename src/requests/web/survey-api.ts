import { useMutation, useQuery } from '@tanstack/react-query';
import { get, isApiProblem, post } from '../../app/web/api';
import type { SurveyAnswerInput, SurveyFormView } from '../survey-schemas';

// The questionnaire behind a mailed link (RQ-4), signed out.
const at = (token: string) => `/request-surveys/${encodeURIComponent(token)}`;

export function useSurveyLink(token: string) {
  return useQuery({ queryKey: ['request-survey', token], queryFn: ({ signal }) => get<SurveyFormView>(at(token), undefined, signal), retry: (n, e) => !(isApiProblem(e) && e.status < 500) && n < 2 });
}
export const useAnswerSurvey = (token: string) => useMutation({ mutationFn: (input: SurveyAnswerInput) => post<{ answeredAt: string }>(at(token), input) });
