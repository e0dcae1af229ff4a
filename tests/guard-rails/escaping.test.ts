import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStride, type TestStride } from '../support/test-stride';
import { createPerson } from '../support/factories';
import type { TestClient } from '../support/test-client';
import { outbox } from '../../src/platform/mail/schema';
import { renderMessage } from '../../src/platform/mail/render-message';
import { getUnitSettings } from '../../src/platform/settings/unit-settings';

// What people type — names, the unit's contact details — reaches mail as text,
// never as markup. (The web pages: escaping.browser.test.ts.)

const hostileNames = ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', "Zoë'; <b onmouseover=alert(1)>O'Brien</b> & Co"];

/** The tags the mail template itself writes; anything else in the HTML came from someone's input. */
const templateTags = new Set(['!doctype', 'html', 'body', 'p', 'br', 'a', 'hr']);

function tagsOf(html: string): string[] {
  return [...html.matchAll(/<\/?([a-z!][a-z0-9-]*)/gi)].map((m) => m[1]!.toLowerCase());
}

const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

let s: TestStride;
let admin: TestClient;

beforeAll(async () => {
  s = await createTestStride();
  admin = await s.signInAs(await createPerson(s.db, { roles: ['admin'] }));
});
afterAll(async () => {
  await s?.close();
});

async function lastMailTo(email: string) {
  const [row] = await s.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
  if (!row) throw new Error(`no mail to ${email}`);
  return row;
}

describe('mail', () => {
  it('a password reset to a person with markup in their name shows the name as text', async () => {
    for (const name of hostileNames) {
      const person = await createPerson(s.db, { name });
      expect((await s.client().post('/api/v1/password-resets', { email: person.email })).status).toBe(202);
      const mail = await lastMailTo(person.email);
      expect(tagsOf(mail.htmlBody).filter((t) => !templateTags.has(t)), name).toEqual([]);
      expect(mail.htmlBody).toContain(`Hello ${escaped(name)},`);
      expect(mail.htmlBody).not.toContain(name);
      // The plain-text part is text: the name as typed.
      expect(mail.textBody).toContain(`Hello ${name},`);
      expect(mail.toName).toBe(name);
    }
  });

  it("the unit's contact details in every footer are escaped too", async () => {
    const current = await getUnitSettings(s.db);
    const hostile = { ...current, unitName: hostileNames[0]!, organizationName: hostileNames[1]!, location: hostileNames[2]!, officeHours: '<a href="javascript:alert(1)">Mon</a>' };
    expect((await admin.put('/api/v1/unit', hostile)).status).toBe(200);
    try {
      const person = await createPerson(s.db, { name: 'Fern Footer' });
      expect((await s.client().post('/api/v1/password-resets', { email: person.email })).status).toBe(202);
      const mail = await lastMailTo(person.email);
      expect(tagsOf(mail.htmlBody).filter((t) => !templateTags.has(t))).toEqual([]);
      for (const value of [hostile.unitName, hostile.organizationName, hostile.location]) expect(mail.htmlBody).toContain(escaped(value));
      // The only link is the reset link.
      expect([...mail.htmlBody.matchAll(/<a\s+href="([^"]*)"/g)].map((m) => m[1])).toEqual([expect.stringMatching(/^http:\/\/stride\.test\/reset-password\?token=[\w-]+$/)]);
    } finally {
      expect((await admin.put('/api/v1/unit', current)).status).toBe(200);
    }
  });

  it('a link is a link only to a web or mail address, and its URL cannot leave the attribute', async () => {
    const unit = await getUnitSettings(s.db);
    const { html } = renderMessage('Body', unit, [
      { label: 'Run', url: 'javascript:alert(1)' },
      { label: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
      { label: 'Quoted', url: 'https://stride.test/x?a="><script>alert(1)</script>' },
      { label: '<b>Label</b>', url: 'mailto:learning@test.example' },
    ]);
    const hrefs = [...html.matchAll(/<a\s+href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://stride.test/x?a=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;', 'mailto:learning@test.example']);
    expect(tagsOf(html).filter((t) => !templateTags.has(t))).toEqual([]);
    expect(html).toContain('Run: javascript:alert(1)');
    expect(html).toContain('&lt;b&gt;Label&lt;/b&gt;');
  });
});
