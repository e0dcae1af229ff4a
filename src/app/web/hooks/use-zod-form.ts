import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import type { z } from 'zod';
import { isApiProblem } from '../api';

export type FieldErrors = Record<string, string>;

/** Server field paths look like `email`, `body.email`, `roles.1` or `query.page`; forms know top-level names. */
export function formFieldOf(path: string, known: readonly string[]): string | undefined {
  const clean = path.replace(/^body\./, '');
  if (known.includes(clean)) return clean;
  const first = clean.split('.')[0];
  return first !== undefined && known.includes(first) ? first : undefined;
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const root: ParentNode = form ?? document;
    root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
}

/**
 * A small form state helper: values, per-field errors (shown through Mantine's
 * `error` prop), validation with the same zod schema the server uses, and the
 * mapping of a problem's `errors` onto fields.
 */
export function useZodForm<V extends Record<string, unknown>>(initialValues: V) {
  const [values, setValues] = useState<V>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const keys = Object.keys(initialValues);

  const setValue = useCallback(<K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => {
      if (!(key in prev)) return prev;
      const next = { ...prev };
      delete next[key];
      return next;
    });
  }, []);

  const textProps = <K extends keyof V & string>(key: K) => ({
    name: key,
    value: String(values[key] ?? ''),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValue(key, event.currentTarget.value as V[K]),
    error: errors[key],
  });

  /** Parses with the schema; on failure shows the messages on their fields and returns null. */
  const validate = <S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | null => {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: FieldErrors = {};
    for (const issue of result.error.issues) {
      const field = formFieldOf(issue.path.map(String).join('.'), keys) ?? '_form';
      if (!next[field]) next[field] = issue.message;
    }
    setErrors(next);
    focusFirstInvalid(formRef.current);
    return null;
  };

  /** Shows a server problem's field errors on the fields; returns the names it placed. */
  const applyProblem = (error: unknown): string[] => {
    if (!isApiProblem(error) || error.errors.length === 0) return [];
    const next: FieldErrors = {};
    const placed: string[] = [];
    for (const fe of error.errors) {
      const field = formFieldOf(fe.field, keys);
      if (!field) continue;
      if (!next[field]) next[field] = fe.message;
      placed.push(fe.field);
    }
    setErrors(next);
    if (placed.length) focusFirstInvalid(formRef.current);
    return placed;
  };

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, errors, setValue, setErrors, textProps, validate, applyProblem, reset, formRef };
}
