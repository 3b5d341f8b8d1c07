import type { Subscription } from '../bus/subscription';
import type { Clock } from '../clock/clock';
import type { Config } from '../config/config-schema';
import type { DomainEvent } from '../events/catalogue';
import type { EffectOutcome, OnceOptions } from '../idempotency/side-effect-ledger';
import type { Logger } from '../log/logger';
import type { Spreadsheet } from '../providers/google-sheets/spreadsheet';
import type { GitHub } from '../providers/github/github';
import type { Salesforce } from '../providers/salesforce/salesforce';
import type { SlackMessenger } from '../providers/slack/slack-messenger';
import type { SmsSender } from '../providers/sms/sms-sender';
import type { UnthreadConversations } from '../providers/unthread/unthread-conversations';
import type { RunRecorder } from '../runs/run-recorder';
import type { Table } from '../store/table';
import type { Timers } from '../timers/timers';

/** What a handler gets for one event: the run it records into, the config in force, and the ports. */
export interface AutomationContext {
  run: RunRecorder;
  config: Config;
  clock: Clock;
  /** Performs a side effect at most once per key (the owner is the trigger event). */
  once<T>(key: string, effect: () => Promise<T>, options?: OnceOptions<T>): Promise<EffectOutcome<T>>;
  /**
   * Closes the waiting run this automation started for `triggerEventId` (an incident's page, an
   * application's deadline): its subject is resolved by this run, for `reason`. False when that run was
   * not waiting (any more).
   */
  closeWaitingRun(triggerEventId: string, reason: string): Promise<boolean>;
  /** Publishes follow-up events onto the bus. */
  publish(...events: DomainEvent[]): Promise<void>;
  timers: Timers;
  slack: SlackMessenger;
  sms: SmsSender;
  unthread: UnthreadConversations;
  sheets: Spreadsheet;
  github: GitHub;
  salesforce: Salesforce;
  /** The table, for an automation's own state (incidents, tickets). */
  table: Table;
  publicBaseUrl: string | undefined;
  log: Logger;
}

/**
 * A `timer.fired` an automation receives every day at `at` (24-hour time in `timeZone`), with `kind` and
 * the subject `daily`: on AWS an EventBridge Scheduler schedule of the stack, locally a timer the runtime
 * re-arms each time it fires. The handler re-reads what it needs; a missed day is not caught up.
 */
export interface DailySchedule {
  kind: string;
  at: string;
  timeZone: string;
}

/**
 * An automation: its name, the events it subscribes to (the single source of the wiring on AWS and
 * locally), and its handler. Handlers load, decide with pure rules, act through `once`, and record steps.
 */
export interface Automation {
  name: string;
  description: string;
  subscriptions: readonly Subscription[];
  /** Sets timers (on AWS its function may create schedules); least privilege for those that do not. */
  usesTimers?: boolean;
  /** Timers that fire every day (declared here, so that the stack and the local runtime build them alike). */
  dailySchedules?: readonly DailySchedule[];
  handle(event: DomainEvent, context: AutomationContext): Promise<void>;
}

/**
 * @example
 * export const afterHours = defineAutomation({ name: 'after-hours', description: '…', subscriptions, handle });
 */
export function defineAutomation(automation: Automation): Automation {
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(automation.name)) throw new Error(`automation name "${automation.name}" must be kebab-case`);
  return automation;
}
