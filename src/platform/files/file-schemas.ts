import { z } from 'zod';
import { fileKindInfo, type FileKind } from './detect-file-type';

/** What a capability accepts: which kinds, how large each file, how many per item. */
export type FilePolicy = { kinds: readonly FileKind[]; maxBytes: number; maxFiles: number };

// A file travels inside the JSON body as base64 (Stride has one body format); the name is for
// display only, the content decides the type.
export const fileUpload = z.object({
  name: z.string().trim().min(1, 'The file needs a name.').max(200, 'The file name is too long (200 characters at most).'),
  content: z.base64('The file content must be base64.'),
});
export type FileUpload = z.infer<typeof fileUpload>;

/** The attachments field of a body under a policy: at most `maxFiles`, none by default. */
export function fileUploads(policy: FilePolicy) {
  return z.array(fileUpload).max(policy.maxFiles, `Attach at most ${policy.maxFiles} file${policy.maxFiles === 1 ? '' : 's'}.`).default([]);
}

/**
 * The body limit a route taking files under this policy needs: base64 is 4/3 of the bytes, plus
 * room for the rest of the body. Bigger bodies are refused before they are read.
 */
export function bodyLimitFor(policy: FilePolicy, rest = 64 * 1024): number {
  return Math.ceil((policy.maxBytes * policy.maxFiles * 4) / 3) + 1024 * policy.maxFiles + rest;
}

export const storedFileView = z.object({ id: z.uuid(), name: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).meta({ id: 'StoredFile' });
export type StoredFileView = z.infer<typeof storedFileView>;

/** "PDF, PNG image or plain text (UTF-8)": the kinds a policy accepts, for messages and pages. */
export function acceptedKindsLabel(policy: FilePolicy): string {
  const labels = policy.kinds.map((k) => fileKindInfo[k].label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}`;
}
