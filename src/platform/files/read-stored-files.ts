import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database';
import { AppError } from '../http/app-error';
import type { StoredFileView } from './file-schemas';
import type { FileOwner } from './store-files';
import { storedFiles } from './schema';

/** The files of each owner (without their bytes), in the order they were attached. */
export async function listStoredFiles(db: DbOrTx, ownerType: string, ownerIds: readonly string[]): Promise<Map<string, StoredFileView[]>> {
  const found = new Map<string, StoredFileView[]>();
  if (ownerIds.length === 0) return found;
  const rows = await db
    .select({ ownerId: storedFiles.ownerId, id: storedFiles.id, name: storedFiles.name, mediaType: storedFiles.mediaType, sizeBytes: storedFiles.sizeBytes })
    .from(storedFiles)
    .where(and(eq(storedFiles.ownerType, ownerType), inArray(storedFiles.ownerId, [...ownerIds])))
    .orderBy(asc(storedFiles.createdAt), asc(storedFiles.name));
  for (const { ownerId, ...file } of rows) found.set(ownerId, [...(found.get(ownerId) ?? []), file]);
  return found;
}

export type StoredFileContent = StoredFileView & { content: Buffer };

/**
 * One file with its bytes, only when it is the given owner's. The caller has already decided the
 * reader may see the owner; a file id alone opens nothing.
 */
export async function readStoredFile(db: DbOrTx, owner: FileOwner, fileId: string): Promise<StoredFileContent> {
  const [row] = await db
    .select({ id: storedFiles.id, name: storedFiles.name, mediaType: storedFiles.mediaType, sizeBytes: storedFiles.sizeBytes, content: storedFiles.content })
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), eq(storedFiles.ownerType, owner.type), eq(storedFiles.ownerId, owner.id)));
  if (!row) throw AppError.notFound('This file');
  return row;
}
