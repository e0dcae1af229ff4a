import type { StandardContent } from './standard-content';

// Northwind's three standards as the unit lead wrote them (ST-1), each with its checklist (ST-2).
// Ids are spelled out so the later versions, the demo's checks and projects can name them.

export const demoDesignModel: StandardContent = {
  kind: 'design-model',
  summary:
    'How Northwind’s Learning & Performance team turns a performance need into a course that works on the job: five stages, each ending with a review by the people who will live with the result.',
  stages: [
    {
      id: 'analysis',
      name: 'Analysis',
      purpose: 'Confirm the performance gap, who has it and why. Subject-matter experts walk us through the real task, step by step, on site where possible.',
      deliverables: ['Task analysis', 'Audience profile', 'Success measures agreed with the sponsor'],
      smeTaskAnalysis: true,
      requiredSignOffs: ['sme', 'customer-partner'],
    },
    {
      id: 'design',
      name: 'Design',
      purpose: 'Write observable objectives, choose the format and sketch every activity against a real situation from the task analysis.',
      deliverables: ['Design document', 'Objectives', 'Assessment plan'],
      smeTaskAnalysis: false,
      requiredSignOffs: ['customer-partner'],
    },
    {
      id: 'development',
      name: 'Development',
      purpose: 'Build the materials to the style guide; the SME checks every procedure against current practice.',
      deliverables: ['Facilitator guide', 'Participant materials', 'E-learning package'],
      smeTaskAnalysis: false,
      requiredSignOffs: ['sme'],
    },
    {
      id: 'pilot',
      name: 'Pilot',
      purpose: 'Run the course once with real learners from the business unit and fix what they stumble over.',
      deliverables: ['Pilot report', 'Revision list'],
      smeTaskAnalysis: false,
      requiredSignOffs: ['customer-partner'],
    },
    {
      id: 'release',
      name: 'Release',
      purpose: 'Publish the course in the catalog with its objectives, hand the materials to instructors and set the follow-up.',
      deliverables: ['Catalog listing', 'Instructor briefing'],
      smeTaskAnalysis: false,
      requiredSignOffs: [],
    },
  ],
  sections: [
    { id: 'partners', heading: 'Partners at every step', body: 'Every project names at least one subject-matter expert and one customer-partner from the business unit it serves. They are invited to each stage, see its deliverables, comment, and sign off or ask for changes.' },
    { id: 'overrides', heading: 'When a sign-off cannot be had', body: 'Only the unit lead may close a stage without a required sign-off, and must record why.' },
  ],
  checklist: [
    { id: 'dm-task-analysis', text: 'A task analysis done with at least one subject-matter expert is on file.', appliesTo: ['course', 'deliverable'] },
    { id: 'dm-objectives', text: 'Every objective says what the learner will do, on the job, in observable terms.', appliesTo: ['course', 'deliverable'] },
    { id: 'dm-partner-signoff', text: 'The customer-partner signed off the design.', appliesTo: ['course', 'deliverable'] },
    { id: 'dm-pilot', text: 'The course was piloted with learners from the business unit, and the pilot’s findings fixed.', appliesTo: ['course'] },
  ],
};

export const demoDeliveryMethodology: StandardContent = {
  kind: 'delivery-methodology',
  summary: 'What every learner can count on in a Northwind session, whoever teaches it: the unit’s own instructors and the external ones we bring in alike.',
  sections: [
    { id: 'before', heading: 'Before the session', body: 'Read the audience analysis for your session and call the coordinator about any learner flagged as a poor fit. Check the room or the virtual classroom the day before.' },
    { id: 'during', heading: 'During the session', body: 'Open with the objectives and why they matter to this audience. At least half of the time is practice on situations from the learners’ own work. Close by asking each learner what they will apply first.' },
    { id: 'after', heading: 'After the session', body: 'Record attendance the same day. Pass on any question you could not answer to the coordinator within two working days.' },
    { id: 'external', heading: 'External instructors', body: 'External instructors receive this methodology with their contract and are observed once in their first session for Northwind.' },
  ],
  checklist: [
    { id: 'del-audience', text: 'The instructor read the session’s audience analysis beforehand.', appliesTo: ['session'] },
    { id: 'del-objectives', text: 'The session opened with the course objectives.', appliesTo: ['session'] },
    { id: 'del-practice', text: 'At least half of the time was practice on the learners’ own situations.', appliesTo: ['session'] },
    { id: 'del-attendance', text: 'Attendance was recorded on the day.', appliesTo: ['session'] },
  ],
};

export const demoStyleGuideV1: StandardContent = {
  kind: 'style-guide',
  summary: 'One look for everything Northwind’s learners hold, read or click through, and the technical rules every e-learning package meets before it goes live.',
  sections: [
    { id: 'voice', heading: 'Voice', body: 'Plain English, second person, short sentences. Use the business unit’s own words for its work (the glossary from the customer workshop).' },
    { id: 'look', heading: 'Look and feel', body: 'Northwind teal and slate on white; DejaVu Sans for documents; one idea per slide; photos of Northwind people at work rather than stock images.' },
  ],
  elearning: { accessibilityLevel: 'WCAG 2.2 A', packageFormats: ['SCORM 1.2', 'SCORM 2004'], maxPackageMb: 250, maxVideoMb: 100, maxImageKb: 500, captionsRequired: false },
  checklist: [
    { id: 'sg-template', text: 'Materials use the current Northwind templates.', appliesTo: ['course', 'deliverable'] },
    { id: 'sg-plain-language', text: 'Text is in plain language and uses the business unit’s own terms.', appliesTo: ['course', 'deliverable'] },
    { id: 'sg-accessibility', text: 'E-learning meets the accessibility level of this guide.', appliesTo: ['course', 'deliverable'] },
  ],
};

/** Version 2: the unit raised the bar to AA with captions after a learner's accessibility report. */
export const demoStyleGuideV2: StandardContent = {
  ...demoStyleGuideV1,
  elearning: { accessibilityLevel: 'WCAG 2.2 AA', packageFormats: ['SCORM 2004', 'cmi5'], maxPackageMb: 250, maxVideoMb: 100, maxImageKb: 300, captionsRequired: true },
  checklist: [
    ...demoStyleGuideV1.checklist,
    { id: 'sg-captions', text: 'Every video has accurate captions and a transcript.', appliesTo: ['course', 'deliverable'] },
  ],
};
