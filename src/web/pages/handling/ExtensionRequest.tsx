import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import type { Assignment } from '../../../shared/schemas/suggestions.js';
import { useLocale } from '../../i18n/locale.js';
import { useAssignmentActions } from '../suggestions/api/assignments.api.js';
import type { HandlingAction } from './handling.api.js';
import { StepDialog } from './StepDialog.js';

const decisions: HandlingAction[] = ['approve_extension', 'refuse_extension'];

/** A unit's pending extension request, with 同意/不同意 for whoever the server lets decide. */
export function ExtensionRequest({ assignment }: { assignment: Assignment }) {
  const { t } = useLocale();
  const availability = useAssignmentActions(assignment.id);
  const [open, setOpen] = useState<{ action: HandlingAction; label: string } | null>(null);
  const allowed = (availability.data ?? []).filter((a) => a.allowed && decisions.some((d) => d === a.action));
  if (allowed.length === 0) return null;
  return (
    <div className="minyi-grant" data-testid="extension-request">
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {t('hdExtensionAsk', {
          unit: assignment.unitName,
          date: assignment.extensionRequestedDueOn ?? '',
          reason: assignment.extensionReason ?? '',
        })}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        {allowed.map((a) => (
          <Button
            key={a.action}
            type={a.action === 'approve_extension' ? 'primary' : 'default'}
            danger={a.action === 'refuse_extension'}
            onClick={() =>
              setOpen({
                action: a.action as HandlingAction,
                label: a.action === 'approve_extension' ? t('hdApprove') : t('hdRefuse'),
              })
            }
          >
            {a.action === 'approve_extension' ? t('hdApprove') : t('hdRefuse')}
          </Button>
        ))}
      </Flex>
      <StepDialog
        assignment={assignment}
        action={open?.action ?? null}
        label={open?.label ?? ''}
        onClose={() => setOpen(null)}
      />
    </div>
  );
}
