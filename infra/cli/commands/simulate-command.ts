import type { Command } from 'commander';
import type { CliIo } from '../cli-context';
import { registerContactFormScenarios } from './simulate/job-application-scenario';
import { registerGitHubCommentScenario } from './simulate/github-comment-scenario';
import { registerGitHubIssueScenario } from './simulate/github-issue-scenario';
import { registerGitHubLabelScenario } from './simulate/github-label-scenario';
import { registerSlackClickScenario } from './simulate/slack-click-scenario';
import { registerSalesforceChangeScenario } from './simulate/salesforce-change-scenario';
import { registerSlackMessageScenario } from './simulate/slack-message-scenario';
import { registerSmsStatusScenario } from './simulate/sms-status-scenario';
import { registerSlackReactionScenario } from './simulate/slack-reaction-scenario';
import { registerSlackShortcutScenario } from './simulate/slack-shortcut-scenario';
import { registerSmsReplyScenario } from './simulate/sms-reply-scenario';
import { registerUnthreadUpdateScenario } from './simulate/unthread-update-scenario';

/**
 * `switchboard simulate SCENARIO`: a correctly signed, realistic webhook sent to a running Switchboard
 * (like `stripe trigger`). One file per scenario under `simulate/`, registered here.
 */
export function registerSimulateCommands(program: Command, io: CliIo): void {
  const simulate = program
    .command('simulate')
    .description('send a signed, realistic webhook to a running Switchboard (like `stripe trigger`)')
    .addHelpText('after', '\nExamples:\n  switchboard simulate slack-message --at 2026-11-22T20:00\n  switchboard simulate slack-click --severity P0\n  switchboard simulate sms-reply --body ACK');
  registerSlackMessageScenario(simulate, io);
  registerSlackClickScenario(simulate, io);
  registerSlackShortcutScenario(simulate, io);
  registerSlackReactionScenario(simulate, io);
  registerSmsReplyScenario(simulate, io);
  registerSmsStatusScenario(simulate, io);
  registerContactFormScenarios(simulate, io);
  registerUnthreadUpdateScenario(simulate, io);
  registerGitHubCommentScenario(simulate, io);
  registerGitHubIssueScenario(simulate, io);
  registerGitHubLabelScenario(simulate, io);
  registerSalesforceChangeScenario(simulate, io);
}
