import type { z } from 'zod';
import { DomainError } from '../platform/errors.js';
import type { FieldError, LocalisedText } from '../platform/errors.js';
import { localiseIssues } from '../http/validation-messages.js';

/**
 * A workflow as data (the OpenSlides way): states, and actions that move an item from some states
 * to another, each saying who may take it and under which conditions. Services never write a
 * status themselves: they ask `check` whether an action is allowed, run its effect, and move the
 * status with a compare-and-set through their repository.
 */
/** Why a guard refuses; field errors (e.g. each failed submission check) go to the problem's `errors`. */
export type GuardFailure = LocalisedText & { fieldErrors?: FieldError[] };

export interface ActionDefinition<State extends string, Context, Input> {
  readonly name: string;
  readonly label: LocalisedText;
  readonly from: readonly State[];
  /** The state after the action; a function when it depends on the item or the input. */
  readonly to: State | ((context: Context, input: Input) => State);
  /** Who may take it: `true`, or why not (shown in the UI beside the greyed-out action). */
  readonly who: (context: Context) => true | LocalisedText;
  /** Conditions on the item itself (deadlines, counts): `true`, or why not. */
  readonly guard?: (context: Context, input: Input | undefined) => true | GuardFailure;
  /** The body the action takes; validated before anything runs. */
  readonly input: z.ZodType<Input>;
}

export interface WorkflowDefinition<State extends string, Context> {
  readonly name: string;
  readonly states: Readonly<Record<State, LocalisedText>>;
  // The actions' inputs differ; each action validates its own.
  readonly actions: readonly ActionDefinition<State, Context, never>[];
  /** Reads the current state from the context. */
  readonly stateOf: (context: Context) => State;
}

export interface ActionAvailability {
  action: string;
  label: LocalisedText;
  allowed: boolean;
  reason?: LocalisedText;
}

function notInState(label: LocalisedText, state: LocalisedText): LocalisedText {
  return {
    zh: `当前状态为「${state.zh}」，不能${label.zh}。`,
    en: `Cannot ${label.en.toLowerCase()} while ${state.en.toLowerCase()}.`,
  };
}

/** Every action of the workflow with whether this actor may take it now, and why not. */
export function availability<State extends string, Context>(
  definition: WorkflowDefinition<State, Context>,
  context: Context,
): ActionAvailability[] {
  const state = definition.stateOf(context);
  return definition.actions.map((action) => {
    const entry = { action: action.name, label: action.label };
    if (!action.from.includes(state))
      return { ...entry, allowed: false, reason: notInState(action.label, definition.states[state]) };
    const who = action.who(context);
    if (who !== true) return { ...entry, allowed: false, reason: who };
    const guard = action.guard ? action.guard(context, undefined) : true;
    if (guard !== true) return { ...entry, allowed: false, reason: guard };
    return { ...entry, allowed: true };
  });
}

export function findAction<State extends string, Context>(
  definition: WorkflowDefinition<State, Context>,
  name: string,
) {
  const action = definition.actions.find((candidate) => candidate.name === name);
  if (!action)
    throw new DomainError('not_found', 'unknown_action', {
      zh: `没有名为 ${name} 的操作。`,
      en: `There is no action named ${name}.`,
    });
  return action;
}

/**
 * Validates the input and checks state, rights and guards; returns the parsed input and the
 * target state, or throws 400 (input), 409 (state or guard) or 403 (rights).
 */
export function check<State extends string, Context>(
  definition: WorkflowDefinition<State, Context>,
  name: string,
  context: Context,
  rawInput: unknown,
): { input: unknown; from: State; to: State } {
  const action = findAction(definition, name) as unknown as ActionDefinition<State, Context, unknown>;
  const state = definition.stateOf(context);
  if (!action.from.includes(state))
    throw new DomainError(
      'invalid_transition',
      `${definition.name}.invalid_transition`,
      notInState(action.label, definition.states[state]),
      [],
      {
        state,
        action: name,
      },
    );
  const who = action.who(context);
  if (who !== true)
    throw new DomainError('forbidden', `${definition.name}.not_permitted`, who, [], { action: name });
  const parsed = action.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map(({ code, path, message, ...params }) => ({
      keyword: code,
      instancePath: `/${path.join('/')}`,
      message,
      params,
    }));
    const fieldErrors = localiseIssues(issues, rawInput, 'body');
    throw new DomainError(
      'validation',
      'validation_failed',
      {
        zh: fieldErrors.map((e) => e.message.zh).join('；'),
        en: fieldErrors.map((e) => e.message.en).join('; '),
      },
      fieldErrors,
    );
  }
  const guard = action.guard ? action.guard(context, parsed.data) : true;
  if (guard !== true)
    throw new DomainError(
      'invalid_transition',
      `${definition.name}.guard_failed`,
      { zh: guard.zh, en: guard.en },
      guard.fieldErrors ?? [],
      { action: name },
    );
  const to = typeof action.to === 'function' ? action.to(context, parsed.data) : action.to;
  return { input: parsed.data, from: state, to };
}

/** The error a compare-and-set raises when someone else moved the item first. */
export function staleTransition(definitionName: string): DomainError {
  return new DomainError('conflict', `${definitionName}.concurrent_change`, {
    zh: '该事项刚刚已被他人处理，请刷新后查看最新状态。',
    en: 'Someone else has just acted on this item; reload to see its current state.',
  });
}
