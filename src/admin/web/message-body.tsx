import { Tabs, Text } from '@mantine/core';

/**
 * The HTML body is shown in a fully sandboxed iframe (sandbox="": no scripts,
 * no forms, no same-origin access), so a message can never run code in Stride.
 */
export function MessageBody({ html, text }: { html: string; text: string }) {
  const hasHtml = html.trim().length > 0;
  return (
    <Tabs defaultValue={hasHtml ? 'html' : 'text'}>
      <Tabs.List aria-label="Message body">
        {hasHtml && <Tabs.Tab value="html">HTML</Tabs.Tab>}
        <Tabs.Tab value="text">Plain text</Tabs.Tab>
      </Tabs.List>
      {hasHtml && (
        <Tabs.Panel value="html" pt="md">
          <iframe
            title="HTML body of the message"
            sandbox=""
            srcDoc={html}
            referrerPolicy="no-referrer"
            style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', background: 'white' }}
          />
        </Tabs.Panel>
      )}
      <Tabs.Panel value="text" pt="md">
        {text.trim() ? (
          <pre className="stride-pre" tabIndex={0} aria-label="Plain-text body">
            {text}
          </pre>
        ) : (
          <Text c="gray.7">This message has no plain-text body.</Text>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}
