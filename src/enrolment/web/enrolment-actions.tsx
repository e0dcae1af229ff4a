import { Button, Group } from '@mantine/core';
import { IconCheck, IconMessageQuestion, IconUserShare, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApprovalDecision } from '../enrolment-values';
import { AnswerQuestionsModal } from './answer-questions-modal';
import { CancelEnrolmentModal } from './cancel-enrolment-modal';
import { DecisionModal } from './decision-modal';
import type { EnrolmentView } from './enrolment-api';
import { SubstituteModal } from './substitute-modal';

type Props = {
  enrolment: EnrolmentView;
  /** The viewer is the enrolled person. */
  self: boolean;
  /** The viewer runs enrolments for the unit. */
  staff: boolean;
};

function cancelLabel(e: EnrolmentView): string {
  if (e.state === 'pending_approval') return 'Withdraw…';
  if (e.state === 'waitlisted') return 'Leave the waitlist…';
  return 'Cancel…';
}

/** What the viewer may do with an enrolment now, as the server says (`allowed`): decide, pass the seat on, cancel. */
export function EnrolmentActions({ enrolment, self, staff }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const [substituting, setSubstituting] = useState(false);
  const [deciding, setDeciding] = useState<ApprovalDecision | null>(null);
  const [answering, setAnswering] = useState(false);
  const { allowed } = enrolment;
  // CA-4: someone nominated (or who applied before the questions) answers them later.
  const mayAnswer = self && allowed.answer && !!enrolment.session && !enrolment.audience?.answers;
  if (!allowed.cancel && !allowed.substitute && !allowed.decide && !mayAnswer) return null;
  return (
    <>
      <Group gap="xs" wrap="wrap" className="stride-no-print">
        {mayAnswer && (
          <Button size="xs" leftSection={<IconMessageQuestion size={14} aria-hidden />} onClick={() => setAnswering(true)}>
            Tell us about you…
          </Button>
        )}
        {allowed.decide && (
          <>
            <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={() => setDeciding('approve')}>
              Approve…
            </Button>
            <Button size="xs" variant="default" c="red.9" leftSection={<IconX size={14} aria-hidden />} onClick={() => setDeciding('decline')}>
              Decline…
            </Button>
          </>
        )}
        {allowed.substitute && (
          <Button size="xs" variant="default" leftSection={<IconUserShare size={14} aria-hidden />} onClick={() => setSubstituting(true)}>
            Send a colleague instead…
          </Button>
        )}
        {allowed.cancel && (
          <Button size="xs" variant="default" c="red.9" onClick={() => setCancelling(true)}>
            {cancelLabel(enrolment)}
          </Button>
        )}
      </Group>
      <CancelEnrolmentModal enrolment={cancelling ? enrolment : null} self={self} onClose={() => setCancelling(false)} />
      <SubstituteModal enrolment={substituting ? enrolment : null} self={self} staff={staff} onClose={() => setSubstituting(false)} />
      {mayAnswer && <AnswerQuestionsModal enrolment={answering ? enrolment : null} onClose={() => setAnswering(false)} />}
      <DecisionModal enrolment={deciding ? enrolment : null} decision={deciding ?? 'approve'} onClose={() => setDeciding(null)} />
    </>
  );
}
