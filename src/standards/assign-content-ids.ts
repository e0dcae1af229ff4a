import { randomBytes } from 'node:crypto';
import type { StandardContent, StandardContentParsed } from './standard-content';

/**
 * Gives every new section, stage and checklist item an id of its own; those the editor sent keep
 * theirs, so checks recorded against an item and a project's stage follow it into the next version.
 * An id sent twice in one list would make two things one: the second gets a fresh id.
 */
export function assignContentIds(content: StandardContentParsed): StandardContent {
  const withIds = <T extends { id?: string | undefined }>(list: T[]): (T & { id: string })[] => {
    const seen = new Set<string>();
    return list.map((entry) => {
      let id = entry.id;
      if (!id || seen.has(id)) id = randomBytes(4).toString('hex');
      seen.add(id);
      return { ...entry, id };
    });
  };
  const base = { ...content, sections: withIds(content.sections), checklist: withIds(content.checklist) };
  if (content.kind === 'design-model') return { ...base, kind: content.kind, stages: withIds(content.stages) } as StandardContent;
  return base as StandardContent;
}
