import type { UnitSettings } from '../settings/settings-schemas';

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Escaping keeps a URL inside its attribute, but a javascript: or data: URL
// is code once clicked: only web and mail addresses become links.
function linkable(url: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export function contactLines(unit: UnitSettings): string[] {
  return [
    `${unit.unitName} · ${unit.organizationName}`,
    `E-mail ${unit.contactEmail} · Phone ${unit.contactPhone}`,
    `${unit.location} · ${unit.officeHours}`,
  ];
}

/**
 * Wraps a plain-text body into the text and HTML parts of a message, both
 * ending with the training unit's contact details (CA-7). The body is text:
 * everything a person typed is escaped, never interpreted as HTML.
 */
export function renderMessage(body: string, unit: UnitSettings, links: { label: string; url: string }[] = []): { text: string; html: string } {
  const linkText = links.map((l) => `${l.label}: ${l.url}`).join('\n');
  const text = [body.trim(), linkText, '—', ...contactLines(unit)].filter(Boolean).join('\n\n');
  const paragraphs = body
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const buttons = links
    .map((l) =>
      linkable(l.url)
        ? `<p><a href="${escapeHtml(l.url)}" style="color:#0b5f56;font-weight:600">${escapeHtml(l.label)}</a></p>`
        : `<p>${escapeHtml(l.label)}: ${escapeHtml(l.url)}</p>`,
    )
    .join('\n');
  const footer = contactLines(unit).map(escapeHtml).join('<br>');
  const html = `<!doctype html><html lang="en"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">
${paragraphs}
${buttons}
<hr style="border:none;border-top:1px solid #d0d7de;margin:24px 0">
<p style="font-size:13px;color:#3e4c59">${footer}</p>
</body></html>`;
  return { text, html };
}
