import { randomInt } from 'node:crypto';

// The verification code printed on a certificate, read aloud on the phone or typed from paper:
// no look-alikes (0/O, 1/I/L, 5/S, 8/B), case-insensitive, dashes and spaces ignored on input.
// 12 characters of 28 is about 58 bits: not worth guessing, even at the public route's rate.
const alphabet = '2345679ACDEFGHJKMNPQRTUVWXYZ';
const length = 12;

export function newCertificateCode(): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** What someone typed or scanned, as stored: upper case, no dashes or spaces; undefined if it cannot be a code. */
export function normalizeCertificateCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return code.length === length && [...code].every((c) => alphabet.includes(c)) ? code : undefined;
}

/** "ACDE-FG23-4567": groups of four, easier to read out and to compare with the paper. */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

export const verificationUrl = (publicUrl: string, code: string) => `${publicUrl.replace(/\/+$/, '')}/verify/${code}`;
