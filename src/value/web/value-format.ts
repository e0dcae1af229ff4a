import type { FigureView } from '../value-schemas';
import type { MeasureView } from './value-api';

// How a figure reads, the same on a card, in its split, in a chart's label and on paper.

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function figureText(kind: MeasureView['kind'], figure: FigureView): string {
  if (figure.value === null) return '—';
  switch (kind) {
    case 'share':
      return `${number.format(figure.value)}%`;
    case 'nps':
      return figure.value > 0 ? `+${figure.value}` : String(figure.value);
    case 'mean-days':
      return `${number.format(figure.value)} days`;
    case 'count':
      return number.format(figure.value);
  }
}

/** "from 6 objective ratings", or what is missing. */
export function basisText(counted: string, figure: FigureView): string {
  if (figure.basis === 0) return `No ${counted} in this period`;
  return `from ${number.format(figure.basis)} ${counted}`;
}

export const groupTitles: Record<MeasureView['group'], string> = {
  service: 'The charter’s promises',
  learning: 'Learning that lasts',
  support: 'Support after the event',
  requests: 'Requests and solutions',
  voice: 'The customer’s voice',
};

export const groupOrder: MeasureView['group'][] = ['service', 'learning', 'support', 'requests', 'voice'];

const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: '2-digit', timeZone: 'UTC' });
/** "Mar 26" for 2026-03. */
export const monthLabel = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
