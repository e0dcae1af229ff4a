import { describe, expect, it } from 'vitest';
import { serviceLevelDefinitionSchema, serviceLevelListSchema, type ServiceLevelDefinitionInput } from './service-level-schema';
import { registerClockEventTypes } from './clock-events';

const valid: ServiceLevelDefinitionInput = {
  key: 'question.first-response.web',
  name: 'First response — web',
  subjectType: 'question',
  targetBusinessMinutes: 480,
  startEvent: 'question.asked',
  stopEvents: ['question.answered'],
  pauseEvents: ['question.waiting-on-customer'],
  resumeEvents: ['question.customer-replied'],
  attributeMatch: { channel: 'web' },
  ownerRole: 'coordinator',
};

function problems(change: Partial<ServiceLevelDefinitionInput>) {
  const result = serviceLevelDefinitionSchema.safeParse({ ...valid, ...change });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('CH-2 a service level is data, refused when it cannot be measured', () => {
  it('accepts a complete definition, with 0.75 as the default at-risk share', () => {
    const parsed = serviceLevelDefinitionSchema.parse(valid);
    expect(parsed.atRiskShare).toBe(0.75);
    expect(parsed.description).toBe('');
  });

  it.each([0, -30])('refuses a target of %i business minutes', (target) => {
    expect(problems({ targetBusinessMinutes: target })).toEqual([
      { path: 'targetBusinessMinutes', message: 'The target must be more than zero business minutes.' },
    ]);
  });

  it('refuses a fractional target and an at-risk share outside (0, 1)', () => {
    expect(problems({ targetBusinessMinutes: 1.5 })[0]?.path).toBe('targetBusinessMinutes');
    expect(problems({ atRiskShare: 0 })[0]?.path).toBe('atRiskShare');
    expect(problems({ atRiskShare: 1 })[0]?.message).toMatch(/after the breach/);
  });

  it('refuses a clock that never stops', () => {
    expect(problems({ stopEvents: [] })).toEqual([
      { path: 'stopEvents', message: 'A clock that never stops cannot be met; name at least one event that stops it.' },
    ]);
  });

  it('refuses a stop event equal to the start event', () => {
    expect(problems({ stopEvents: ['question.asked'] })).toEqual([
      { path: 'stopEvents.0', message: 'The stop event must differ from the start event, or every clock would stop as it starts.' },
    ]);
  });

  it('refuses a pause without a resume, and a resume without a pause', () => {
    expect(problems({ resumeEvents: [] })).toEqual([
      { path: 'resumeEvents', message: 'A clock that pauses must have an event that resumes it, or it would stay paused for ever.' },
    ]);
    expect(problems({ pauseEvents: [] })[0]?.path).toBe('pauseEvents');
  });

  it('refuses unknown event types and events of another subject, naming the field', () => {
    expect(problems({ stopEvents: ['question.closed'] })).toEqual([
      { path: 'stopEvents.0', message: 'Unknown event type "question.closed"; only events a part of Stride records can drive a clock.' },
    ]);
    expect(problems({ startEvent: 'feedback.received' })).toEqual([
      { path: 'startEvent', message: '"feedback.received" happens to a feedback, not a question.' },
    ]);
    expect(problems({ subjectType: 'invoice' })[0]).toMatchObject({ path: 'subjectType' });
  });

  it('refuses an event playing two parts, an unknown owner role and a malformed key', () => {
    expect(problems({ resumeEvents: ['question.waiting-on-customer'] })[0]?.path).toBe('resumeEvents.0');
    expect(problems({ ownerRole: 'janitor' as never })[0]?.path).toBe('ownerRole');
    expect(problems({ key: 'First Response' })[0]?.path).toBe('key');
  });

  it('refuses two service levels with the same key in one charter', () => {
    const result = serviceLevelListSchema.safeParse([valid, valid]);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['1.key']);
  });

  it('accepts events a later capability registers', () => {
    registerClockEventTypes(
      { type: 'session.requested', subjectType: 'session', label: 'A session was requested' },
      { type: 'session.scheduled', subjectType: 'session', label: 'The session was scheduled' },
    );
    const parsed = serviceLevelDefinitionSchema.safeParse({
      key: 'session.scheduling', name: 'Session scheduled', subjectType: 'session', targetBusinessMinutes: 60,
      startEvent: 'session.requested', stopEvents: ['session.scheduled'], ownerRole: 'coordinator',
    });
    expect(parsed.success).toBe(true);
    expect(() => registerClockEventTypes({ type: 'session.requested', subjectType: 'question', label: 'x' })).toThrow(/already registered/);
  });
});
