import type { Actor } from '../auth/actor.js';
import type { SuggestionRow } from '../db/schema.js';
import type { BodiesService } from '../organisations/bodies.service.js';
import type { SettingsService } from '../settings/settings.service.js';
import type { BodyLevel } from '../../shared/schemas/common.js';
import type { SuggestionPartsRepository } from './suggestion-parts.repository.js';
import type { SuggestionContext } from './suggestion.workflow.js';
import { checkSubmission } from './submission-checks.js';

/** Builds what the workflow needs to judge an item for an actor (one place, used by views and actions). */
export class SuggestionContextBuilder {
  constructor(
    private readonly bodies: BodiesService,
    private readonly settings: SettingsService,
    private readonly parts: SuggestionPartsRepository,
  ) {}

  async build(actor: Actor, suggestion: SuggestionRow): Promise<SuggestionContext> {
    const [body, profile, confirmed] = await Promise.all([
      this.bodies.require(suggestion.body_id),
      this.settings.ruleProfile(suggestion.body_id),
      this.parts.countConfirmed([suggestion.id]),
    ]);
    const settings = profile.settings;
    return {
      suggestion,
      actor,
      bodyPath: body.path,
      profile: settings,
      confirmedSigners: confirmed.get(suggestion.id) ?? 0,
      motionThreshold: settings.motionThresholds[body.level as BodyLevel],
      submission: checkSubmission(
        {
          title: suggestion.title,
          grounds: suggestion.grounds,
          proposals: suggestion.proposals,
          categoryId: suggestion.category_id,
        },
        settings,
      ),
    };
  }
}
