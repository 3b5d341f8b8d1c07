import type { Clock } from '../../shared/clock/clock';
import { absent, any, below, itemAbsent, itemExists, all } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';
import type { JobApplication } from './application';

type Stored<T> = T & { pk: string; sk: string; [key: string]: unknown };

const applicationKey = (id: string) => ({ pk: `job-application#${id}`, sk: 'application' });
const conversationKey = (conversationId: string) => ({ pk: `unthread-conversation#${conversationId}`, sk: 'job-application' });

/**
 * Job applications in the table, kept as long as runs are, and an index from Unthread conversation to
 * application (webhooks name only the conversation). Nothing here is personal data.
 */
export class ApplicationStore {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
    private readonly retentionDays: number,
  ) {}

  /** Stores a new application unless one with its id exists; returns the one stored. */
  async open(application: JobApplication): Promise<{ application: JobApplication; created: boolean }> {
    try {
      await this.table.put({ ...applicationKey(application.id), ...application, expiresAt: this.expiresAt() }, itemAbsent);
      return { application, created: true };
    } catch (error) {
      if (!(error instanceof ConditionFailedError)) throw error;
      return { application: (await this.get(application.id)) as JobApplication, created: false };
    }
  }

  async get(id: string): Promise<JobApplication | undefined> {
    const item = await this.table.get<Stored<JobApplication>>(applicationKey(id), { consistent: true });
    return item === undefined ? undefined : toApplication(item);
  }

  /** Remembers the application's conversation, and indexes the conversation back to it. */
  async recordConversation(id: string, conversation: NonNullable<JobApplication['conversation']>): Promise<void> {
    await this.table.update(applicationKey(id), { set: { conversation } }, itemExists);
    await this.table.put({ ...conversationKey(conversation.id), applicationId: id, expiresAt: this.expiresAt() });
  }

  async applicationOfConversation(conversationId: string): Promise<string | undefined> {
    const item = await this.table.get<Stored<{ applicationId: string }>>(conversationKey(conversationId), { consistent: true });
    return item?.applicationId;
  }

  /**
   * Records the conversation's status as of `at`, unless a later one is recorded already (webhooks may
   * arrive out of order). False when it was not newer.
   */
  async recordStatus(id: string, status: string, at: string, from: 'webhook' | 'api'): Promise<boolean> {
    try {
      await this.table.update(
        applicationKey(id),
        { set: { conversationStatus: status, statusAt: at, statusFrom: from } },
        all(itemExists, any(absent('statusAt'), below('statusAt', at))),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  private expiresAt(): number {
    return expiresInDays(this.clock.now(), this.retentionDays);
  }
}

function toApplication(item: Stored<JobApplication>): JobApplication {
  const { pk: _pk, sk: _sk, expiresAt: _e, ...application } = item;
  return application as JobApplication;
}
