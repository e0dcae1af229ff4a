// How a certificate states its facts, the same on paper, in the mail and on the verification page.

/** "10 March 2026" for a calendar date (YYYY-MM-DD), whatever the server's zone. */
export function formatCompletedOn(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "7 hours", "1 hour 30 minutes", "45 minutes". */
export function formatHours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.join(' ') || '0 minutes';
}
