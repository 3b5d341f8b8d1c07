/** A conversation to create in Unthread (`POST /conversations`). Names and addresses in it are personal data: never log them. */
export interface NewUnthreadConversation {
  /**
   * The Switchboard reference of the effect that creates it (`SB-…`), carried in its title so that it can
   * be found again (`findByReference`) after a crash or a lost answer, instead of being created twice.
   */
  reference: string;
  /** `email`: in an e-mail inbox (`emailInboxId`); `triage`: in a Slack triage channel (`triageChannelId`). */
  type: 'email' | 'triage';
  title: string;
  markdown: string;
  /** Unthread's 3, 5, 7 or 9. */
  priority?: number;
  assignedToUserId?: string;
  /** Who the conversation is from: the applicant. */
  onBehalfOf: { name: string; email: string };
  emailInboxId?: string;
  triageChannelId?: string;
}

/** A conversation as Switchboard reads it. Status: `open`, `in_progress`, `on_hold` or `closed`. */
export interface UnthreadConversation {
  id: string;
  status: string;
  /** The number Unthread shows people (`#123`), when it said. */
  friendlyId?: number;
}

/**
 * The Unthread port: what automations may do in Unthread. Live over `fetch` against its REST API, or
 * dry-run into the outbox. Failures are `ProviderError`s (429, 5xx and timeouts transient).
 */
export interface UnthreadConversations {
  readonly mode: 'live' | 'dry-run';
  /** Creates a conversation, status `open`. */
  create(conversation: NewUnthreadConversation): Promise<UnthreadConversation>;
  /** One conversation, or undefined when there is none with this id (deleted). */
  get(id: string): Promise<UnthreadConversation | undefined>;
  /** The conversation created with this reference, or undefined when none was. */
  findByReference(reference: string): Promise<UnthreadConversation | undefined>;
}
