import type { Clock } from '../../clock/clock';
import type { Outbox } from '../outbox';
import { dryRunPermalink } from './dry-run-permalink';
import { carriesEffect } from './effect-metadata';
import type { InteractionReply, MessageQuery, PostedMessage, SlackMessage, SlackMessenger } from './slack-messenger';
import { postEphemeralArguments, postMessageArguments, responseArguments, updateArguments } from './web-api-arguments';

/**
 * Slack without Slack: records the exact Web API call (method and arguments, as the live adapter sends
 * them) in the outbox, and answers like Slack would.
 */
/** Shared by every dry-run messenger of the process, so their ts never collide. */
let sequence = 0;

export class DryRunSlackMessenger implements SlackMessenger {
  readonly mode = 'dry-run';

  /** `workspace`: the subdomain its permalinks use (Slack's own workspace URL is unknown without Slack). */
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly workspace = 'example',
  ) {}

  async postMessage(message: SlackMessage): Promise<PostedMessage> {
    const posted = { channel: message.channel, ts: this.nextTs() };
    await this.outbox.record('slack', 'chat.postMessage', { ...postMessageArguments(message) }, posted);
    return posted;
  }

  /** The outbox is this adapter's Slack: a post recorded before a crash is found there, with its answer. */
  async findMessage(query: MessageQuery): Promise<PostedMessage | undefined> {
    const recorded = await this.outbox.recordedSince('slack', 'chat.postMessage', query.since);
    const found = recorded.find(
      ({ request }) =>
        request['channel'] === query.channel &&
        (query.threadTs === undefined || request['thread_ts'] === query.threadTs) &&
        carriesEffect(request['metadata'], query.effectKey),
    );
    if (found === undefined) return undefined;
    const ts = found.answer?.['ts'];
    return { channel: query.channel, ts: typeof ts === 'string' ? ts : this.nextTs() };
  }

  async updateMessage(message: SlackMessage & { ts: string }): Promise<void> {
    await this.outbox.record('slack', 'chat.update', { ...updateArguments(message) });
  }

  async postEphemeral(message: SlackMessage & { user: string }): Promise<void> {
    await this.outbox.record('slack', 'chat.postEphemeral', { ...postEphemeralArguments(message) });
  }

  /** Recorded without the URL, which lets its holder answer the person: the outbox is listed by the CLI. */
  async respond(_responseUrl: string, reply: InteractionReply): Promise<void> {
    await this.outbox.record('slack', 'response_url', responseArguments(reply));
  }

  /** Reads are not recorded: only what Slack would have been asked to change goes to the outbox. */
  async permalink(channel: string, ts: string): Promise<string> {
    return dryRunPermalink(this.workspace, channel, ts);
  }

  /** Without Slack nobody's workspace can be looked up. */
  async teamOfUser(_user: string): Promise<undefined> {
    return undefined;
  }

  /** A Slack-shaped ts, unique within this process for a million messages a second. */
  private nextTs(): string {
    sequence = (sequence + 1) % 1_000_000;
    const seconds = Math.floor(this.clock.now().getTime() / 1000);
    return `${seconds}.${String(sequence).padStart(6, '0')}`;
  }
}
