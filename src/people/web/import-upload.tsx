import { Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconFileUpload, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { postWithProgress } from '../../app/web/api';
import type { ImportStatus } from './people-api';

export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;
const accept = { 'text/csv': ['.csv'], 'application/vnd.ms-excel': ['.csv'], 'text/plain': ['.csv'] };

type Phase = { kind: 'idle' } | { kind: 'reading'; name: string } | { kind: 'uploading'; name: string; fraction: number };

function rejectionMessage(rejections: FileRejection[]): string {
  const first = rejections[0];
  if (!first) return 'That file cannot be used.';
  const code = first.errors[0]?.code;
  if (code === 'file-too-large') return `${first.file.name} is larger than 25 MB. Split the export into smaller files.`;
  if (code === 'file-invalid-type') return `${first.file.name} is not a CSV file. Export the people list as CSV (comma-separated values).`;
  if (code === 'too-many-files') return 'Choose one file at a time.';
  return first.errors[0]?.message ?? 'That file cannot be used.';
}

/** Drop or choose a CSV; it is read in the browser and sent as text, with upload progress. */
export function ImportUpload({ onUploaded }: { onUploaded: (result: ImportStatus) => void }) {
  const openRef = useRef<() => void>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const busy = phase.kind !== 'idle';

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(new Error(`${file.name} is larger than 25 MB. Split the export into smaller files.`));
      return;
    }
    try {
      setPhase({ kind: 'reading', name: file.name });
      const csv = await file.text();
      if (!csv.trim()) throw new Error(`${file.name} is empty.`);
      setPhase({ kind: 'uploading', name: file.name, fraction: 0 });
      const result = await postWithProgress<ImportStatus>('/people-imports', { fileName: file.name, csv }, (fraction) =>
        setPhase({ kind: 'uploading', name: file.name, fraction }),
      );
      setPhase({ kind: 'idle' });
      onUploaded(result);
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(e);
    }
  };

  const percent = phase.kind === 'uploading' ? Math.round(phase.fraction * 100) : 0;
  const checking = phase.kind === 'uploading' && phase.fraction >= 1;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="upload-heading">
      <Title order={2} size="h4" id="upload-heading" mb="sm">
        Choose the HR export
      </Title>
      <Stack gap="md">
        {error ? <ErrorAlert error={error} title="The file was not imported" /> : null}
        <Dropzone
          openRef={openRef}
          onDrop={(files) => {
            const file = files[0];
            if (file) void upload(file);
          }}
          onReject={(rejections) => setError(new Error(rejectionMessage(rejections)))}
          accept={accept}
          maxSize={MAX_IMPORT_BYTES}
          multiple={false}
          loading={busy}
          activateOnClick
          activateOnKeyboard={false}
          role="group"
          aria-labelledby="dropzone-text"
          inputProps={{ 'aria-label': 'CSV file to import' }}
        >
          <Group justify="center" gap="lg" mih={140} style={{ pointerEvents: 'none' }} wrap="nowrap">
            <Dropzone.Accept>
              <IconFileUpload size={44} stroke={1.5} aria-hidden color="var(--mantine-color-teal-8)" />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={44} stroke={1.5} aria-hidden color="var(--mantine-color-red-8)" />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileSpreadsheet size={44} stroke={1.5} aria-hidden color="var(--mantine-color-gray-7)" />
            </Dropzone.Idle>
            <div id="dropzone-text">
              <Text size="lg" fw={600}>
                Drag the CSV file here
              </Text>
              <Text size="sm" c="gray.7">
                One .csv file, up to 25 MB. Nothing changes until you review the preview and apply it.
              </Text>
            </div>
          </Group>
        </Dropzone>
        <Group>
          <Button onClick={() => openRef.current?.()} disabled={busy} leftSection={<IconFileUpload size={16} aria-hidden />}>
            Choose a CSV file
          </Button>
        </Group>
        {phase.kind === 'reading' && (
          <Text size="sm" role="status">
            Reading {phase.name}…
          </Text>
        )}
        {phase.kind === 'uploading' && (
          <Stack gap={6}>
            <Text size="sm" id="upload-progress-label" role="status">
              {checking ? `Checking every row of ${phase.name}…` : `Uploading ${phase.name}: ${percent}%`}
            </Text>
            <Progress value={checking ? 100 : percent} striped={checking} animated={checking} aria-label="Upload progress" size="lg" />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
