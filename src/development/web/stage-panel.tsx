import { Anchor, Badge, Button, Card, FileInput, Group, List, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../app/web/components/error-alert';
import { formatDate, formatDateTime } from '../../app/web/format';
import { isApiProblem } from '../../app/web/api';
import { hasRole, useActor } from '../../app/web/hooks/use-session';
import { developmentStaffRoles } from '../development-staff';
import { PersonSelect } from '../../people/web/person-select';
import { readUpload } from '../../feedback/web/feedback-api';
import { acceptedKindsLabel } from '../../platform/files/file-schemas';
import { sizeLabel } from '../../platform/http/size-label';
import { partnerKindLabels, partnerKinds, type PartnerKind } from '../../standards/standard-content';
import { commentFilePolicy, partnerDecisionLabels, stageStateLabels } from '../development-schemas';
import { ConformancePanel } from '../../standards/web/conformance-panel';
import { commentFileUrl, useCloseStage, useComment, useDecide, useInvitePartner, usePlanStage, type Project, type Stage } from './development-api';

const fieldErrors = (error: unknown) => Object.fromEntries((isApiProblem(error) ? error.errors : []).map((e) => [e.field, e.message]));
const accept = 'image/jpeg,image/png,image/webp,video/mp4,application/pdf,text/plain';
const day = (d: string) => formatDate(`${d}T12:00:00Z`);

function InviteForm({ project, stage }: { project: Project; stage: Stage }) {
  const invite = useInvitePartner(project.id, stage.id);
  const [personId, setPersonId] = useState<string | null>(null);
  const [kind, setKind] = useState<PartnerKind | null>(stage.requiredSignOffs[0] ?? 'customer-partner');
  const errors = fieldErrors(invite.error);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="xs">
        <PersonSelect label="Invite a partner" description="Anyone in Stride, e.g. from the business unit." placeholder="Choose a person" value={personId} onChange={setPersonId} error={errors.personId} />
        <Select label="As" data={partnerKinds.map((k) => ({ value: k, label: partnerKindLabels[k] }))} value={kind} onChange={(v) => setKind(v as PartnerKind | null)} error={errors.kind} w={220} />
        <Button variant="light" loading={invite.isPending} onClick={() => invite.mutate({ personId: personId ?? '', kind: kind ?? 'customer-partner' }, { onSuccess: () => setPersonId(null) })}>
          Invite
        </Button>
      </Group>
      <ErrorAlert error={invite.error} formFields={['personId', 'kind']} />
    </Stack>
  );
}

function CommentForm({ project, stage }: { project: Project; stage: Stage }) {
  const comment = useComment(project.id, stage.id);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const errors = fieldErrors(comment.error);
  const fileError = Object.entries(errors).find(([k]) => k.startsWith('attachments'))?.[1];
  const submit = async () => comment.mutate({ body, attachments: await Promise.all(files.map(readUpload)) }, { onSuccess: () => { setBody(''); setFiles([]); } });
  return (
    <Stack gap="xs">
      <Textarea label={`Comment on the ${stage.name} deliverables`} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} error={errors.body} maxLength={5000} />
      <FileInput
        label="Attachments"
        description={`Site-visit photos, a short video, practitioners’ notes: up to ${commentFilePolicy.maxFiles} files of ${sizeLabel(commentFilePolicy.maxBytes)}, ${acceptedKindsLabel(commentFilePolicy)}.`}
        multiple
        clearable
        accept={accept}
        value={files}
        onChange={setFiles}
        leftSection={<IconPaperclip size={16} aria-hidden />}
        error={fileError}
      />
      <ErrorAlert error={comment.error} formFields={['body', 'attachments']} />
      <Button variant="light" w="fit-content" loading={comment.isPending} onClick={() => void submit()}>
        Add the comment
      </Button>
    </Stack>
  );
}

function DecisionForm({ project, stage }: { project: Project; stage: Stage }) {
  const decide = useDecide(project.id, stage.id);
  const [note, setNote] = useState('');
  const errors = fieldErrors(decide.error);
  return (
    <Card withBorder padding="sm" bg="teal.0">
      <Stack gap="xs">
        <Title order={4} size="h5">
          Your review of the {stage.name} stage
        </Title>
        <Textarea label="Note" description="Required when you ask for changes." value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={2000} autosize minRows={2} />
        <Group gap="xs">
          <Button color="teal" loading={decide.isPending} onClick={() => decide.mutate({ decision: 'signed-off', note })}>
            Sign off
          </Button>
          <Button variant="default" loading={decide.isPending} onClick={() => decide.mutate({ decision: 'changes-requested', note })}>
            Ask for changes
          </Button>
        </Group>
        <ErrorAlert error={decide.error} formFields={['note']} />
      </Stack>
    </Card>
  );
}

function CloseForm({ project, stage }: { project: Project; stage: Stage }) {
  const close = useCloseStage(project.id, stage.id);
  const [reason, setReason] = useState('');
  const last = stage.position === project.stages.length;
  const missing = stage.missingSignOffs.map((k) => partnerKindLabels[k].toLowerCase()).join(' and ');
  return (
    <Stack gap="xs">
      {stage.missingSignOffs.length > 0 && (
        <Text size="sm" c="orange.9">
          Still needs the sign-off of a {missing}.{project.canOverride ? ' As unit lead you may close it without, giving the reason.' : ''}
        </Text>
      )}
      {stage.missingSignOffs.length > 0 && project.canOverride && <TextInput label="Reason for closing without the sign-off" value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} />}
      <Button w="fit-content" loading={close.isPending} disabled={stage.missingSignOffs.length > 0 && !project.canOverride} onClick={() => close.mutate(reason ? { overrideReason: reason } : {})}>
        {last ? 'Close the stage and release the course' : `Close ${stage.name}`}
      </Button>
      <ErrorAlert error={close.error} />
    </Stack>
  );
}

function PlanForm({ project, stage }: { project: Project; stage: Stage }) {
  const plan = usePlanStage(project.id, stage.id);
  const [ownerId, setOwnerId] = useState<string | null>(stage.owner.id);
  const [dueOn, setDueOn] = useState(stage.dueOn);
  const errors = fieldErrors(plan.error);
  return (
    <Group align="flex-end" gap="xs">
      <PersonSelect label="Stage owner" description="Who delivers this stage." placeholder="Choose a person" value={ownerId} initialLabel={stage.owner.name} onChange={setOwnerId} error={errors.ownerId} />
      <TextInput label="Due on" type="date" value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={errors.dueOn} />
      <Button variant="default" loading={plan.isPending} onClick={() => plan.mutate({ ownerId: ownerId ?? '', dueOn })}>
        Save
      </Button>
    </Group>
  );
}

/** One stage of the timeline (DV-1, DV-2): deliverables, owner and due date, partners, comments, and what the reader may do. */
export function StagePanel({ project, stage }: { project: Project; stage: Stage }) {
  // The unit's staff comment on every stage; a partner on the stages they are invited to.
  const staff = hasRole(useActor(), ...developmentStaffRoles);
  const open = stage.state === 'active';
  return (
    <Stack gap="sm" component="section" aria-label={`${stage.name} stage`}>
      <Group gap="xs">
        <Badge variant="light" color={stage.state === 'closed' ? 'teal' : open ? 'blue' : 'gray'}>
          <span style={{ color: 'var(--mantine-color-gray-9)' }}>{stageStateLabels[stage.state]}</span>
        </Badge>
        {stage.late && (
          <Badge color="red" variant="light">
            <span style={{ color: 'var(--mantine-color-red-9)' }}>Late</span>
          </Badge>
        )}
        <Text size="sm">
          Owner {stage.owner.name} · due {day(stage.dueOn)}
        </Text>
      </Group>
      <Text size="sm">{stage.purpose}</Text>
      {stage.deliverables.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            Deliverables
          </Text>
          <List size="sm">
            {stage.deliverables.map((d) => (
              <List.Item key={d}>{d}</List.Item>
            ))}
          </List>
        </div>
      )}
      <Text size="sm">
        Sign-off required from: {stage.requiredSignOffs.length ? stage.requiredSignOffs.map((k) => partnerKindLabels[k].toLowerCase()).join(' and ') : 'nobody'}
      </Text>
      {stage.closedAt && (
        <Text size="sm">
          Closed {formatDateTime(stage.closedAt)} by {stage.closedBy?.name}
          {stage.overrideReason && <> — without the required sign-off, by the unit lead: “{stage.overrideReason}”</>}
        </Text>
      )}
      <div>
        <Text size="sm" fw={600}>
          Partners
        </Text>
        {stage.partners.length === 0 ? (
          <Text size="sm" c="gray.8">
            Nobody invited yet.
          </Text>
        ) : (
          <List size="sm">
            {stage.partners.map((p) => (
              <List.Item key={p.id}>
                {p.person.name}, {partnerKindLabels[p.kind].toLowerCase()}: {p.decision ? partnerDecisionLabels[p.decision] : 'not yet reviewed'}
                {p.decidedAt && ` (${formatDate(p.decidedAt)})`}
              </List.Item>
            ))}
          </List>
        )}
      </div>
      {stage.comments.length > 0 && (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={`Comments on ${stage.name}`}>
          {stage.comments.map((c) => (
            <Card key={c.id} withBorder padding="xs" component="li">
              <Text size="xs" c="gray.8">
                {c.author.name}, {formatDateTime(c.createdAt)}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {c.body}
              </Text>
              {c.attachments.map((f) => (
                <Anchor key={f.id} href={commentFileUrl(project.id, c.id, f.id)} size="sm" display="block">
                  {f.name} ({sizeLabel(f.sizeBytes)})
                </Anchor>
              ))}
            </Card>
          ))}
        </Stack>
      )}
      {/* ST-2: the stage's deliverables checked against the standards. */}
      {stage.state !== 'pending' && <ConformancePanel subjectType="deliverable" subjectId={stage.id} headingLevel={3} />}
      {open && stage.invited && <DecisionForm project={project} stage={stage} />}
      {stage.state !== 'closed' && project.state === 'started' && (stage.invited || staff) && <CommentForm project={project} stage={stage} />}
      {stage.state !== 'closed' && project.canManage && <InviteForm project={project} stage={stage} />}
      {stage.state !== 'closed' && project.canManage && <PlanForm project={project} stage={stage} />}
      {open && project.canManage && <CloseForm project={project} stage={stage} />}
    </Stack>
  );
}
