// Applies a ReplyRule to one request: answer normally (now or later), fail it, or leave it unanswered.
import type { ReplyRule } from '../controls.js';
import type { Timers } from './timers.js';

export interface ReplyActions {
  answer(): void;
  fail(code: number, reason: string | undefined): void;
}

export function applyReplyRule(rule: ReplyRule | undefined, timers: Timers, actions: ReplyActions): void {
  if (rule === undefined) actions.answer();
  else if ('fail' in rule) actions.fail(rule.fail, rule.reason);
  else if ('delayMs' in rule) timers.after(rule.delayMs, () => actions.answer());
  // `ignore`: no answer at all.
}
