// The marketing digest's enumerations (CA-6), in a file of their own so the pages can import them
// without the database layer; schema.ts builds its columns from the same list.

/** How often a person wants the digest: weekly (every 7 days) or monthly (once a calendar month, UTC). */
export const digestFrequencies = ['weekly', 'monthly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** The RFC 8058 body a mail client POSTs to the List-Unsubscribe address: `List-Unsubscribe=One-Click`. */
export const ONE_CLICK_FIELD = 'List-Unsubscribe';
export const ONE_CLICK_VALUE = 'One-Click';
