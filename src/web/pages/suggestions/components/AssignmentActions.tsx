import { useState } from 'react';
import { App, Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import type { Assignment } from '../../../../shared/schemas/suggestions.js';
import { useSession } from '../../../auth/session.js';
import { showError } from '../../../components/error-text.js';
import { todayInBeijing } from '../../../format/time.js';
import { useLocale } from '../../../i18n/locale.js';
import { useAssignmentAction, useAssignmentActions } from '../api/assignments.api.js';
import { isConcurrentChange } from '../api/suggestions.api.js';
import { AssignmentActionDialog } from './AssignmentActionDialog.js';
import type { AssignmentDialogAction } from './AssignmentActionDialog.js';

/** The assignment steps of 交 (receipt and adjustment); the handling steps have their own screens. */
const knownActions = ['receive', 'request_adjustment', 'approve_adjustment', 'refuse_adjustment'];

/** The actions of one unit's assignment the user may take, as the server says (签收, 申请调整, 同意/不同意调整). */
export function AssignmentActions({ assignment, bodyId }: { assignment: Assignment; bodyId: string }) {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { me } = useSession();
  const ownUnit = (me?.roles ?? []).some((grant) => grant.unitId === assignment.unitId);
  // A unit user may not read another unit's assignment (404): ask only about our own, or as the
  // office deciding on an adjustment request.
  const office = (me?.roles ?? []).some((grant) => grant.role === 'office_staff' || grant.role === 'admin');
  const decides = office && assignment.status === 'adjustment_requested';
  const availability = useAssignmentActions(
    assignment.id,
    assignment.status !== 'reassigned' && (ownUnit || decides),
  );
  const windowClosed = assignment.adjustmentWindowEndsOn < todayInBeijing();
  const run = useAssignmentAction();
  const [dialog, setDialog] = useState<AssignmentDialogAction | null>(null);
  const actions = (availability.data ?? [])
    .filter((a) => knownActions.includes(a.action))
    .filter(
      // The unit sees why it can no longer ask for an adjustment; other refusals are someone else's job.
      (a) =>
        a.allowed ||
        (ownUnit &&
          a.action === 'request_adjustment' &&
          ['pending_receipt', 'handling'].includes(assignment.status)),
    )
    // Past the window the unit sees when it closed instead of a button it cannot use.
    .filter((a) => !(a.action === 'request_adjustment' && windowClosed));
  const closedNote =
    ownUnit && windowClosed && ['pending_receipt', 'handling'].includes(assignment.status) ? (
      <Typography.Text type="secondary" data-testid="adjustment-closed">
        {t('sgAdjustmentClosedOn', { date: assignment.adjustmentWindowEndsOn })}
      </Typography.Text>
    ) : null;
  if (actions.length === 0) return closedNote;

  const receive = async () => {
    try {
      await run.mutateAsync({ id: assignment.id, action: 'receive' });
      message.success(t('inboxReceived'));
    } catch (error) {
      if (isConcurrentChange(error)) message.warning(t('sgConcurrentChange'));
      else showError(message, error, t);
    }
  };

  return (
    <Flex gap={6} wrap align="center">
      {closedNote}
      {actions.map((a) =>
        !a.allowed ? (
          <Tooltip key={a.action} title={a.reason}>
            <Button size="small" disabled>
              {a.label}
            </Button>
          </Tooltip>
        ) : a.action === 'receive' ? (
          <Popconfirm
            key={a.action}
            title={t('inboxReceiveConfirm')}
            okText={a.label}
            cancelText={t('cancel')}
            onConfirm={receive}
          >
            <Button size="small" type="primary" loading={run.isPending}>
              {a.label}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            key={a.action}
            size="small"
            danger={a.action === 'refuse_adjustment'}
            onClick={() => setDialog(a.action as AssignmentDialogAction)}
          >
            {a.label}
          </Button>
        ),
      )}
      <AssignmentActionDialog
        assignment={assignment}
        action={dialog}
        bodyId={bodyId}
        onClose={() => setDialog(null)}
      />
    </Flex>
  );
}
