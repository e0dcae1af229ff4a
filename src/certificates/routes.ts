import type { FastifyReply } from 'fastify';
import { actorOf } from '../platform/http/actor-of';
import type { App } from '../platform/http/types';
import type { Deps } from '../platform/context';
import { uuidParam } from '../platform/http/common-schemas';
import { certificateView, codeParam, revokeInput, verificationView } from './certificate-schemas';
import { getCertificate, getCertificatePdf, getEnrolmentCertificate, type CertificatePdf } from './read-certificate';
import { revokeCertificate } from './revoke-certificate';
import { verifyCertificate } from './verify-certificate';

const tags = ['certificates'];
// The verification is public: whoever holds a printout may check it, without an account. Per
// client, generous for a desk checking a pile of certificates, useless for walking the code space.
const verifyLimit = { max: 30, timeWindow: '1 minute' };

function sendPdf(reply: FastifyReply, pdf: CertificatePdf) {
  return reply.type('application/pdf').header('content-disposition', `inline; filename="${pdf.filename}"`).send(Buffer.from(pdf.bytes.buffer, pdf.bytes.byteOffset, pdf.bytes.byteLength));
}

export async function certificateRoutes(app: App, deps: Deps): Promise<void> {
  const { db, publicUrl } = deps;
  const signedIn = { access: 'signed-in' as const };

  app.get(
    '/certificates/:id',
    { config: signedIn, schema: { tags, summary: 'A certificate of completion as issued, and whether it was withdrawn (the learner, their supervisors, the training unit; AF-2)', params: uuidParam, response: { 200: certificateView } } },
    async (request) => getCertificate(db, actorOf(request), request.params.id, publicUrl),
  );

  app.get(
    '/certificates/:id/pdf',
    { config: signedIn, schema: { tags, summary: 'The certificate as a PDF, drawn from what was issued: the same file every time (AF-2)', params: uuidParam, produces: ['application/pdf'] } },
    async (request, reply) => sendPdf(reply, await getCertificatePdf(db, actorOf(request), request.params.id, publicUrl)),
  );

  app.post(
    '/certificates/:id/revoke',
    { config: signedIn, schema: { tags, summary: 'Withdraw a certificate issued in error, with the reason (coordinators); it then verifies as withdrawn (AF-2)', params: uuidParam, body: revokeInput, response: { 200: certificateView } } },
    async (request) => revokeCertificate(deps, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/enrolments/:id/certificate',
    { config: signedIn, schema: { tags, summary: 'The certificate of a completed enrolment, once issued (AF-2)', params: uuidParam, response: { 200: certificateView } } },
    async (request) => getEnrolmentCertificate(db, actorOf(request), request.params.id, publicUrl),
  );

  app.get(
    '/verify/:code',
    {
      config: { access: 'public', rateLimit: verifyLimit },
      schema: { tags, summary: 'Check a certificate by the code printed on it, without signing in: only what the certificate shows, and whether it is valid or withdrawn; 404 when no certificate has the code (AF-2)', params: codeParam, response: { 200: verificationView } },
    },
    async (request) => verifyCertificate(db, request.params.code),
  );
}
