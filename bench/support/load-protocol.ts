import type { LatencySummary } from './percentiles';

/** What the benchmark asks of the load process (bench/support/load-process.ts), over IPC. */
export type LoadCommand =
  | { type: 'fake-slack' }
  | {
      type: 'open-loop';
      url: string;
      signingSecret: string;
      /** The server's clock at `serverTimeAt` (it runs at SWITCHBOARD_NOW), to sign within its window and date the messages. */
      serverTime: number;
      rate: number;
      durationMs: number;
      /** Messages are numbered from here, one customer each, so every one deserves its own answer. */
      firstIndex: number;
      channel: string;
      teamId: string;
    }
  | { type: 'await-replies'; fromIndex: number; toIndex: number; timeoutMs: number }
  | { type: 'closed-loop'; url: string; connections: number; durationMs: number }
  | { type: 'exit' };

export interface OpenLoopResult {
  sent: number;
  acked: number;
  errors: number;
  statuses: Record<string, number>;
  ack: LatencySummary;
}

export interface RepliesResult {
  expected: number;
  answered: number;
  /** Customers answered more than once. */
  duplicates: number;
  /** From sending the message to the reply reaching the fake Slack API. */
  endToEnd: LatencySummary;
  /** Replies that came later than this after their message (10 s: the throughput criterion). */
  laterThan10s: number;
}

export interface ClosedLoopResult {
  requests: number;
  errors: number;
  perSecond: number;
  latency: LatencySummary;
}

export type LoadReply = { type: 'fake-slack'; url: string } | { type: 'open-loop'; result: OpenLoopResult } | { type: 'await-replies'; result: RepliesResult } | { type: 'closed-loop'; result: ClosedLoopResult };
