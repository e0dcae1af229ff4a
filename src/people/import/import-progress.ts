import type { ImportStatus } from '../people-schemas';

// Progress of imports being applied by this process. Kept in memory so a
// progress poll needs no database round trip while the import's transaction
// is still open (the embedded engine has a single connection).
const progress = new Map<string, { snapshot: ImportStatus; processed: number }>();

export function trackImport(snapshot: ImportStatus): void {
  progress.set(snapshot.id, { snapshot, processed: 0 });
}

export function setImportProgress(id: string, processed: number): void {
  const entry = progress.get(id);
  if (entry) entry.processed = processed;
}

export function liveImportStatus(id: string): ImportStatus | undefined {
  const entry = progress.get(id);
  return entry ? { ...entry.snapshot, status: 'applying', processedRows: entry.processed } : undefined;
}

export function clearImportProgress(id: string): void {
  progress.delete(id);
}
