import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Builds the web UI if its sources changed since the last build (the same rule as `npm start`). */
export function ensureWebBuilt(): void {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-web-if-stale.mjs')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
}

/** `timezoneId` pins the zone the page shows times in (the viewer's), for assertions on local times. */
export async function launchBrowser(options: { timezoneId?: string | undefined } = {}): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stride-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // No transitions: axe measures contrast on what is on screen, and a modal caught
    // half-faded-in reads as low contrast. The UI honours this setting (theme.ts).
    reducedMotion: 'reduce',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** WCAG 2 A and AA, colour contrast included: a page passes with no violations at all. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // axe cannot enter a sandboxed frame (it waits for it forever); such frames hold
  // untrusted HTML (a mail body) that is shown, not part of Stride's own page.
  const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // The first node's failure summary says why (the measured contrast ratio, the missing name).
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')} — ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').slice(0, 300) ?? ''}`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}
