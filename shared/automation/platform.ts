import type { EventBus } from '../bus/event-bus';
import type { Clock } from '../clock/clock';
import type { ConfigStore } from '../config/config-store';
import type { SideEffectLedger } from '../idempotency/side-effect-ledger';
import type { Logger } from '../log/logger';
import type { Spreadsheet } from '../providers/google-sheets/spreadsheet';
import type { GitHub } from '../providers/github/github';
import type { Outbox } from '../providers/outbox';
import type { Salesforce } from '../providers/salesforce/salesforce';
import type { SlackMessenger } from '../providers/slack/slack-messenger';
import type { SmsSender } from '../providers/sms/sms-sender';
import type { UnthreadConversations } from '../providers/unthread/unthread-conversations';
import type { RunStore } from '../runs/run-store';
import type { Table } from '../store/table';
import type { Timers } from '../timers/timers';

/**
 * The adapters, chosen once at start-up (AWS or local, live or dry-run) and shared by every run. Nothing
 * below this line asks which runtime it is in.
 */
export interface Platform {
  clock: Clock;
  table: Table;
  configs: ConfigStore;
  runs: RunStore;
  ledger: SideEffectLedger;
  outbox: Outbox;
  bus: EventBus;
  timers: Timers;
  slack: SlackMessenger;
  sms: SmsSender;
  unthread: UnthreadConversations;
  sheets: Spreadsheet;
  github: GitHub;
  salesforce: Salesforce;
  /** The webhooks' public base URL, for provider callbacks (Twilio delivery status). */
  publicBaseUrl: string | undefined;
  log: Logger;
}
