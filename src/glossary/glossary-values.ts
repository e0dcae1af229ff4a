// Where a glossary term comes from (FB-3): written by the unit, or harvested in a customer
// experience workshop in the organization's own words (CX-3).
export const glossaryOrigins = ['unit', 'workshop'] as const;
export type GlossaryOrigin = (typeof glossaryOrigins)[number];

export const glossaryOriginLabels: Record<GlossaryOrigin, string> = {
  unit: 'Service language',
  workshop: 'The organization’s own words',
};
