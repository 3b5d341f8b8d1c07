import { expiresInDays, type Table } from '../../shared/store/table';

/** A question as the weekly summary lists it. */
export interface RecordedQuestion {
  key: string;
  customer: string;
  channelLabel: string;
  /** The question's first line, shortened. */
  excerpt: string;
  permalink: string;
  rowUrl: string;
  row: number | undefined;
  addedAt: string;
}

/** Kept after its summary only as long as a late or replayed summary might need it. */
const RETENTION_DAYS_AFTER_SUMMARY = 30;
const partitionOf = (summaryAt: Date) => `customer-questions#${summaryAt.toISOString()}`;

/**
 * The questions of each week, filed under the summary that will list them: one item per message (a
 * second use of the shortcut on it writes the same item again), read back in one query.
 */
export class QuestionStore {
  constructor(private readonly table: Table) {}

  async remember(summaryAt: Date, question: RecordedQuestion): Promise<void> {
    await this.table.put({
      pk: partitionOf(summaryAt),
      sk: question.key,
      ...question,
      expiresAt: expiresInDays(summaryAt, RETENTION_DAYS_AFTER_SUMMARY),
    });
  }

  /** The week's questions in the order they were added. */
  async ofWeek(summaryAt: Date): Promise<RecordedQuestion[]> {
    const items = await this.table.query<RecordedQuestion & { pk: string; sk: string }>({ partition: partitionOf(summaryAt) });
    return items
      .map(({ key, customer, channelLabel, excerpt, permalink, rowUrl, row, addedAt }) => ({ key, customer, channelLabel, excerpt, permalink, rowUrl, row, addedAt }))
      .sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.key.localeCompare(b.key));
  }
}
