import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, isApiProblem, post } from '../../app/web/api';
import type { CertificateView, RevokeInput, VerificationView } from '../certificate-schemas';

export type { CertificateView, VerificationView };

export const certificateKeys = {
  all: ['certificate'] as const,
  one: (id: string) => ['certificate', id] as const,
  ofEnrolment: (enrolmentId: string) => ['certificate', 'enrolment', enrolmentId] as const,
  verify: (code: string) => ['certificate', 'verify', code] as const,
};

const isClientError = (error: unknown) => isApiProblem(error) && error.status >= 400 && error.status < 500;
const noRetryOnRefusal = (count: number, error: unknown) => !isClientError(error) && count < 2;

/** Where the PDF is served: opened by the browser itself (the session cookie goes along). */
export const certificatePdfUrl = (id: string) => `/api/v1/certificates/${encodeURIComponent(id)}/pdf`;

export function useVerification(code: string) {
  return useQuery({
    queryKey: certificateKeys.verify(code),
    queryFn: ({ signal }) => get<VerificationView>(`/verify/${encodeURIComponent(code)}`, undefined, signal),
    retry: noRetryOnRefusal,
  });
}

export function useCertificate(id: string) {
  return useQuery({
    queryKey: certificateKeys.one(id),
    queryFn: ({ signal }) => get<CertificateView>(`/certificates/${encodeURIComponent(id)}`, undefined, signal),
    retry: noRetryOnRefusal,
  });
}

/** The certificate of a completed enrolment; a 404 means it is not issued yet (the job runs every minute). */
export function useEnrolmentCertificate(enrolmentId: string) {
  return useQuery({
    queryKey: certificateKeys.ofEnrolment(enrolmentId),
    queryFn: ({ signal }) => get<CertificateView>(`/enrolments/${encodeURIComponent(enrolmentId)}/certificate`, undefined, signal),
    retry: noRetryOnRefusal,
  });
}

export function useRevokeCertificate(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RevokeInput) => post<CertificateView>(`/certificates/${encodeURIComponent(id)}/revoke`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: certificateKeys.all }),
  });
}
