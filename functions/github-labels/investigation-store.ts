import type { Clock } from '../../shared/clock/clock';
import type { RepositoryRef } from '../../shared/events/github-events';
import { equals } from '../../shared/store/condition';
import { ConditionFailedError } from '../../shared/store/store-errors';
import { expiresInDays, type Table } from '../../shared/store/table';

/** The investigation running on an issue: the one timer that may act on it. */
export interface Investigation {
  timerId: string;
  dueAt: string;
  /** The event that added the label. */
  startedBy: string;
  /** The page, for the Slack notice. */
  url: string;
  /**
   * The check found the label still there and is moving the issue back to triage: a retry carries on
   * without asking GitHub again (the label is gone by then, removed by the check itself), and the
   * `unlabeled` webhook of that removal does not stop it.
   */
  expiring?: boolean;
}

type InvestigationItem = Investigation & { pk: string; sk: string; expiresAt: number };

const key = (repository: RepositoryRef, number: number) => ({
  pk: `github-labels#investigation#${repository.owner.toLowerCase()}/${repository.name.toLowerCase()}#${number}`,
  sk: 'investigation',
});

/** Kept this long after its check was due, in case the timer fires late. */
const RETENTION_DAYS_AFTER_DUE = 30;

/**
 * Which investigation timer is current for each issue. Removing the label or closing the issue stops it;
 * a timer that fires and is not the current one does nothing. One item per issue.
 */
export class InvestigationStore {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  async get(repository: RepositoryRef, number: number): Promise<Investigation | undefined> {
    const item = await this.table.get<InvestigationItem>(key(repository, number), { consistent: true });
    if (item === undefined) return undefined;
    return { timerId: item.timerId, dueAt: item.dueAt, startedBy: item.startedBy, url: item.url, ...(item.expiring === true ? { expiring: true } : {}) };
  }

  /** Makes `investigation` the current one; returns the one it replaces, if any. */
  async start(repository: RepositoryRef, number: number, investigation: Investigation): Promise<Investigation | undefined> {
    const previous = await this.get(repository, number);
    const expiresAt = Math.max(expiresInDays(new Date(investigation.dueAt), RETENTION_DAYS_AFTER_DUE), expiresInDays(this.clock.now(), 1));
    await this.table.put({ ...key(repository, number), ...investigation, expiresAt });
    return previous;
  }

  /** Records that the check of `timerId` decided to move the issue back to triage; false when it is not the current one. */
  async markExpiring(repository: RepositoryRef, number: number, timerId: string): Promise<boolean> {
    try {
      await this.table.update(key(repository, number), { set: { expiring: true } }, equals('timerId', timerId));
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  /** Ends the investigation whose timer is `timerId`; false when another one is current (or none). */
  async stop(repository: RepositoryRef, number: number, timerId: string): Promise<boolean> {
    try {
      await this.table.delete(key(repository, number), equals('timerId', timerId));
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }
}
