import { z } from 'zod';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** A language tag Intl can name ("en", "pt", "pt-PT"), language and region both. */
function isKnownLanguage(tag: string): boolean {
  const [language, region] = tag.split('-');
  try {
    return !!languageNames.of(language!) && (!region || !!regionNames.of(region));
  } catch {
    return false;
  }
}

/** The language a course or a session is taught in. */
export const languageSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a language code such as en, pt or pt-PT.')
  .refine(isKnownLanguage, 'Unknown language; use a code such as en, pt or pt-PT.');
