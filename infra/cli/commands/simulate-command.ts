import type { Command } from 'commander';
import type { CliIo } from '../cli-context';
import { registerGitHubCommentScenario } from './simulate/github-comment-scenario';
import { registerGitHubLabelScenario } from './simulate/github-label-scenario';
import { registerSlackMessageScenario } from './simulate/slack-message-scenario';
import { registerSmsReplyScenario } from './simulate/sms-reply-scenario';

/**
 * `switchboard simulate SCENARIO`: a correctly signed, realistic webhook sent to a running Switchboard
 * (like `stripe trigger`). One file per scenario under `simulate/`, registered here.
 */
export function registerSimulateCommands(program: Command, io: CliIo): void {
  const simulate = program.command('simulate').description('send a signed, realistic webhook to a running Switchboard (like `stripe trigger`)');
  registerSlackMessageScenario(simulate, io);
  registerSmsReplyScenario(simulate, io);
  registerGitHubCommentScenario(simulate, io);
  registerGitHubLabelScenario(simulate, io);
}
