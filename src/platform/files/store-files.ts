import { createHash } from 'node:crypto';
import type { DbOrTx } from '../db/database';
import type { Clock } from '../clock';
import { AppError, type FieldError } from '../http/app-error';
import { sizeLabel } from '../http/size-label';
import { describeRefusedFile, detectFileKind, fileKindInfo, type FileKind } from './detect-file-type';
import { acceptedKindsLabel, type FilePolicy, type FileUpload, type StoredFileView } from './file-schemas';
import { storedFiles } from './schema';

export type FileOwner = { type: string; id: string };
type Checked = { name: string; kind: FileKind; bytes: Buffer };

/**
 * Decodes and checks every file against the policy, by content: the size of the decoded bytes and
 * the kind their first bytes say. All problems come back at once, field by field
 * (`attachments.1.content`); too large answers 413, a refused type 415.
 */
export function checkFiles(files: readonly FileUpload[], policy: FilePolicy, field = 'attachments'): Checked[] {
  const errors: FieldError[] = [];
  let tooLarge = false;
  const checked: Checked[] = [];
  files.forEach((file, index) => {
    const bytes = Buffer.from(file.content, 'base64');
    const at = `${field}.${index}.content`;
    if (bytes.length === 0) {
      errors.push({ field: at, message: `“${file.name}” is empty.` });
    } else if (bytes.length > policy.maxBytes) {
      tooLarge = true;
      errors.push({ field: at, message: `“${file.name}” is too large (${sizeLabel(bytes.length)}): at most ${sizeLabel(policy.maxBytes)} per file.` });
    } else {
      const kind = detectFileKind(bytes);
      if (!kind || !policy.kinds.includes(kind)) {
        errors.push({ field: at, message: `“${file.name}” looks like ${describeRefusedFile(bytes)}, whatever its name says. Attach a ${acceptedKindsLabel(policy)} instead.` });
      } else checked.push({ name: file.name, kind, bytes });
    }
  });
  if (errors.length) {
    const code = tooLarge ? 'payload_too_large' : errors.some((e) => e.message.includes('looks like')) ? 'unsupported_media_type' : 'bad_request';
    throw new AppError(code, errors.length === 1 ? errors[0]!.message : 'Some attachments cannot be accepted.', { fields: errors });
  }
  return checked;
}

/** A name safe to show and to send back in a header: no path, no control characters. */
function displayName(name: string, kind: FileKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return base || `attachment.${fileKindInfo[kind].extension}`;
}

/**
 * Checks and stores the files as the owner's, in the caller's transaction: the owner and its files
 * commit together or not at all. Returns what a page may show of each.
 */
export async function storeFiles(tx: DbOrTx, clock: Clock, owner: FileOwner, files: readonly FileUpload[], policy: FilePolicy, field = 'attachments'): Promise<StoredFileView[]> {
  const checked = checkFiles(files, policy, field);
  if (checked.length === 0) return [];
  const rows = await tx
    .insert(storedFiles)
    .values(
      checked.map((file) => ({
        ownerType: owner.type,
        ownerId: owner.id,
        name: displayName(file.name, file.kind),
        mediaType: fileKindInfo[file.kind].mediaType,
        sizeBytes: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        content: file.bytes,
        createdAt: clock.now(),
      })),
    )
    .returning({ id: storedFiles.id, name: storedFiles.name, mediaType: storedFiles.mediaType, sizeBytes: storedFiles.sizeBytes });
  return rows;
}
