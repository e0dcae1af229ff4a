import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import { isApiProblem, type FieldProblem } from '../../app/web/api';

// The catalog's editors hold a little more than flat fields (an ordered list of objectives, an
// instructor that is a person or a name and an address), so their errors are keyed by paths such
// as `objectives.2.text`. `fieldOf` turns a schema's or the server's path into the path of the
// input that shows it, so a message lands beside its input whichever side found it.

export type FormErrors = Record<string, string>;

function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => (form ?? document).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/** Drops the errors of a path and of everything under it. */
function clearUnder(errors: FormErrors, paths: readonly string[]): FormErrors {
  const keys = Object.keys(errors).filter((key) => paths.some((path) => key === path || key.startsWith(`${path}.`)));
  if (keys.length === 0) return errors;
  const next = { ...errors };
  for (const key of keys) delete next[key];
  return next;
}

export function useCatalogForm<V extends object>(initial: V, fieldOf: (path: string) => string) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  /** Sets a field; clears its errors, or those of `clear` when a change touches only part of a list. */
  const set = useCallback(<K extends keyof V & string>(key: K, value: V[K], clear: readonly string[] = [key]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => clearUnder(prev, clear));
  }, []);

  const show = (problems: FieldProblem[]) => {
    const next: FormErrors = {};
    for (const { field, message } of problems) {
      const path = fieldOf(field.replace(/^body\./, ''));
      if (!next[path]) next[path] = message;
    }
    setErrors(next);
    focusFirstInvalid(formRef.current);
  };

  /** The same schema the server checks with; on failure each message goes beside its input. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null => {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    show(result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '_form', message: issue.message })));
    return null;
  };

  /** A problem's field errors shown at their inputs; true when it had any. */
  const applyProblem = (error: unknown): boolean => {
    if (!isApiProblem(error) || error.errors.length === 0) return false;
    show(error.errors);
    return true;
  };

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, errors, set, validate, applyProblem, reset, formRef };
}
