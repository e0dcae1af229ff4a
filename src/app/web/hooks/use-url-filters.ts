import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '@mantine/hooks';

// List pages keep their filters in the URL (shareable, back button works).
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  /** Sets or clears filters; a filter change returns to page 1 unless told otherwise. */
  const update = (changes: Record<string, string | null>, resetPage = true) =>
    setParams(
      () => {
        // From the address bar, not the router's `prev`: navigations render in a transition, so two
        // quick changes (a period, then a unit) could both start from the render before the first
        // and the second would undo the first.
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        if (resetPage) next.delete('page');
        return next;
      },
      { replace: true },
    );
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { params, update, page };
}

/**
 * A search box bound to one URL parameter: typing updates the URL after a
 * pause; back/forward or a link updates the box.
 */
export function useUrlSearchBox(key: string, update: ReturnType<typeof useUrlFilters>['update'], value: string, delayMs = 300) {
  const [search, setSearch] = useState(value);
  const [debounced] = useDebouncedValue(search.trim(), delayMs);
  const pushed = useRef(value);
  useEffect(() => {
    if (debounced === value) return;
    pushed.current = debounced;
    update({ [key]: debounced || null });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (value !== pushed.current) {
      pushed.current = value;
      setSearch(value);
    }
  }, [value]);
  return [search, setSearch] as const;
}
