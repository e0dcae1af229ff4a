import { useEffect } from 'react';

/**
 * While `dirty`, closing the tab or reloading asks first, so typed work is not lost. (Moving to
 * another page inside Stride is not caught: the declarative router offers no blocker.)
 */
export function useWarnBeforeLeaving(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}
