import { describe, expect, it } from 'vitest';
import { clockInWords, eventInWords, matchInWords } from './describe-clock';

describe('the clock in words', () => {
  it('uses the registry label of an event', () => {
    expect(eventInWords('question.asked')).toBe('A question reached the unit');
  });

  it('makes an unknown event readable rather than failing', () => {
    expect(eventInWords('course.retired')).toBe('course retired');
  });

  it('says what starts, stops and pauses a question clock', () => {
    expect(
      clockInWords({ startEvent: 'question.asked', stopEvents: ['question.answered'], pauseEvents: ['question.waiting-on-customer'], resumeEvents: ['question.customer-replied'] }),
    ).toEqual({
      starts: 'A question reached the unit',
      stops: 'The unit answered the question',
      pauses: 'The unit asked the customer for details; runs again when the customer replied',
    });
  });

  it('joins several stop events with "or"', () => {
    expect(clockInWords({ startEvent: 'feedback.received', stopEvents: ['feedback.acknowledged', 'feedback.resolved'], pauseEvents: [], resumeEvents: [] }).stops).toBe(
      'The sender was told who handles it or the feedback was resolved and the loop closed',
    );
  });

  it('names what a service level applies to', () => {
    expect(matchInWords({ channel: 'web' })).toBe('Only when channel is web');
    expect(matchInWords(null)).toBeUndefined();
  });
});
