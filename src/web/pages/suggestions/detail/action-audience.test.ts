import { describe, expect, it } from 'vitest';
import type { Me } from '../../../../shared/schemas/auth.js';
import type { SuggestionDetail } from '../../../../shared/schemas/suggestions.js';
import { shownActions } from './action-audience.js';

const me = (role: Me['roles'][number]['role'], deputyId: string | null = null): Me => ({
  id: 'u',
  username: 'u',
  displayName: 'U',
  roles: [{ id: 'g', role, bodyId: 'b', bodyName: 'B', unitId: null, unitName: null, committeeId: null }],
  deputyId,
  mustChangePassword: false,
  totpEnabled: false,
  stage: 'complete',
  csrfToken: null,
  locale: null,
  idleTimeoutMinutes: 30,
});

const action = (name: string, allowed: boolean, reason: string | null = null) => ({
  action: name,
  label: name,
  allowed,
  reason,
});

function detail(status: SuggestionDetail['status'], actions: SuggestionDetail['actions']): SuggestionDetail {
  return { status, leadDeputyId: 'd1', actions } as SuggestionDetail;
}

describe('the action bar', () => {
  it('shows the lead deputy why a draft cannot be submitted, and nothing of the reviewers', () => {
    const item = detail('draft', [
      action('submit', false, '提交前请修改：「建议」不能为空'),
      action('withdraw', true),
      action('review_pass', false, '当前状态为「草稿」，不能审查通过。'),
    ]);
    expect(shownActions(item, me('deputy', 'd1')).map((a) => a.action)).toEqual(['submit', 'withdraw']);
    // A co-signer: the server refuses both steps to anyone but the lead deputy.
    const seenByCoSigner = detail('draft', [
      action('submit', false, '只有领衔代表可以进行此操作。'),
      action('withdraw', false, '只有领衔代表可以进行此操作。'),
    ]);
    expect(shownActions(seenByCoSigner, me('deputy', 'd2'))).toEqual([]);
  });

  it('shows a reviewer of another tier the refused review steps while the item is in review', () => {
    const refused = '当前处于「议案组审定」环节，您不是该环节的审查人员。';
    const item = detail('in_review', [action('review_pass', false, refused), action('assign', false, 'x')]);
    expect(shownActions(item, me('committee_staff')).map((a) => a.action)).toEqual(['review_pass']);
    expect(shownActions(detail('accepted', item.actions), me('committee_staff'))).toEqual([]);
  });

  it('leaves the steps of later stages to their own screens', () => {
    const item = detail('replied', [action('rate', true), action('assign', false, 'x')]);
    expect(shownActions(item, me('deputy', 'd1'))).toEqual([]);
  });
});
