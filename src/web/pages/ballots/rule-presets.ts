import type { PassRuleInput, TieRule } from '../../../shared/schemas/ballots.js';

/** The rules of `DOMAIN.md` §6 as choices a clerk recognises; the numbers stay editable. */
export type RulePreset = 'zhenhai' | 'threshold' | 'gushi' | 'plurality';

export interface RuleFields {
  preset: RulePreset;
  percent?: number;
  countBasic?: boolean;
  membersWeight?: number;
  tieRule?: TieRule;
  requireMajorityOfAll?: boolean;
}

export const ruleDefaults: Record<RulePreset, RuleFields> = {
  zhenhai: { preset: 'zhenhai' },
  threshold: { preset: 'threshold', percent: 80, countBasic: true },
  gushi: { preset: 'gushi', percent: 80, countBasic: true, membersWeight: 60 },
  plurality: { preset: 'plurality', tieRule: 'runoff', requireMajorityOfAll: false },
};

/** The form's rule fields as the API's pass rule. */
export function passRuleOf(fields: RuleFields): PassRuleInput {
  switch (fields.preset) {
    case 'zhenhai':
      return { kind: 'majority_of_all' };
    case 'threshold':
      return { kind: 'threshold', percent: fields.percent ?? 80, countBasic: fields.countBasic ?? true };
    case 'gushi': {
      const members = fields.membersWeight ?? 60;
      return {
        kind: 'weighted',
        percent: fields.percent ?? 80,
        countBasic: fields.countBasic ?? true,
        weights: { members, attendees: 100 - members },
      };
    }
    case 'plurality':
      return {
        kind: 'plurality',
        tieRule: fields.tieRule ?? 'runoff',
        requireMajorityOfAll: fields.requireMajorityOfAll ?? false,
      };
    default: {
      const exhaustive: never = fields.preset;
      throw new Error(`unknown preset ${String(exhaustive)}`);
    }
  }
}
