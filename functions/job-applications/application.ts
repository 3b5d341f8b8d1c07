/** One job application as the automation keeps it: no applicant's name or address, only what it acts on. */
export interface JobApplication {
  /** The submission id (the event id of `contact.form.submitted`). */
  id: string;
  /** Without its department emoji. */
  position: string;
  cse: { name: string; slackUserId: string; unthreadUserId: string };
  /** The round-robin turn that chose the CSE. */
  turn: number;
  receivedAt: string;
  remindAt: string;
  dueAt: string;
  escalateAt: string;
  conversation?: { id: string; friendlyId?: number; reference: string };
  /** The conversation's status as Switchboard last learnt it, when, and from where. */
  conversationStatus?: string;
  statusAt?: string;
  statusFrom?: 'webhook' | 'api';
}

/** `#12` when Unthread gave the conversation a number, else its id. */
export function conversationLabel(conversation: { id: string; friendlyId?: number }): string {
  return conversation.friendlyId === undefined ? conversation.id : `#${conversation.friendlyId}`;
}
