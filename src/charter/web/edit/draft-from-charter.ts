import { defaultBusinessCalendar } from '../../../service-levels/business-calendar-schema';
import type { CharterDraft } from '../../charter-schema';
import type { Charter, CharterServiceLevel } from '../charter-api';

// The reading side names a target `targetMinutes` and its filter `match`; the draft (PUT body)
// names them `targetBusinessMinutes` and `attributeMatch`. Everything else carries over as is.

function levelToDraft(level: CharterServiceLevel): CharterDraft['serviceLevels'][number] {
  const { targetMinutes, match, ...rest } = level;
  return { ...rest, targetBusinessMinutes: targetMinutes, ...(match ? { attributeMatch: match } : {}) };
}

/** The draft a unit lead starts from: the draft itself, or the version in force copied. */
export function draftFromCharter(charter: Charter, fromDraft: boolean): CharterDraft {
  return {
    content: structuredClone(charter.content),
    calendar: structuredClone(charter.calendar),
    serviceLevels: charter.serviceLevels.map(levelToDraft),
    // A published version's summary describes that version; a new one needs its own words.
    changeSummary: fromDraft ? charter.changeSummary : '',
  };
}

/** The first charter of a unit that has none: one empty entry per list to fill in. */
export function blankDraft(): CharterDraft {
  return {
    content: {
      introduction: '',
      productsAndServices: [{ name: '', description: '' }],
      requestHandling: [{ requestType: '', description: '', triagedBy: 'coordinator', decidedBy: 'unit_lead', who: '' }],
      partnership: { summary: '', steps: [] },
      closing: '',
    },
    calendar: defaultBusinessCalendar(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
    serviceLevels: [],
    changeSummary: '',
  };
}
