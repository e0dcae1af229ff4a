import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { isApiProblem, type FieldProblem } from '../../../app/web/api';
import { charterDraftSchema, type CharterDraft } from '../../charter-schema';

// The charter draft is one deep object; its errors are keyed by the same dotted paths the schema
// and the server's problem use (`serviceLevels.0.targetBusinessMinutes`, `calendar.week.mon.0.end`),
// so a message lands next to the input bound to that path whichever side found it.

export type DraftErrors = Record<string, string>;
type Path = string;

const segments = (path: Path) => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

export function getIn(value: unknown, path: Path): unknown {
  let at: unknown = value;
  for (const part of segments(path)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[part];
  }
  return at;
}

function setIn<T>(root: T, parts: (string | number)[], value: unknown): T {
  const [head, ...rest] = parts;
  if (head === undefined) return value as T;
  const current = (root as Record<string | number, unknown>)[head];
  const next = rest.length === 0 ? value : setIn(current, rest, value);
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = next;
    return copy as T;
  }
  return { ...(root as object), [head]: next } as T;
}

/** Drops the errors of a path, of everything under it and of the groups holding it. */
function clearAround(errors: DraftErrors, path: Path): DraftErrors {
  const keys = Object.keys(errors).filter((key) => key === path || key.startsWith(`${path}.`) || path.startsWith(`${key}.`));
  if (keys.length === 0) return errors;
  const next = { ...errors };
  for (const key of keys) delete next[key];
  return next;
}

const serverPath = (field: string) => field.replace(/^body\./, '');

function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => (form ?? document).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function useDraftForm(initial: CharterDraft) {
  const [values, setValues] = useState<CharterDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  const set = useCallback((path: Path, value: unknown) => {
    setValues((prev) => setIn(prev, segments(path), value));
    setErrors((prev) => clearAround(prev, path));
  }, []);

  const text = (path: Path) => ({
    name: path,
    value: String(getIn(values, path) ?? ''),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(path, event.currentTarget.value),
    error: errors[path],
  });

  const show = (problems: FieldProblem[]) => {
    const next: DraftErrors = {};
    for (const { field, message } of problems) {
      const path = serverPath(field);
      if (!next[path]) next[path] = message;
    }
    setErrors(next);
    focusFirstInvalid(formRef.current);
  };

  /** The same schema the server checks with; on failure the messages go next to their inputs. */
  const validate = (): CharterDraft | null => {
    const result = charterDraftSchema.safeParse(values);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    show(result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || 'request', message: issue.message })));
    return null;
  };

  /** A 400 problem's field errors shown on their inputs; true when it had any. */
  const applyProblem = (error: unknown): boolean => {
    if (!isApiProblem(error) || error.errors.length === 0) return false;
    show(error.errors);
    return true;
  };

  return { values, errors, set, text, validate, applyProblem, formRef };
}

export type DraftForm = ReturnType<typeof useDraftForm>;
