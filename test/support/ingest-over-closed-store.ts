import { DEFAULT_CONTACT_FORM_RULES } from '../../functions/ingest/contact-form/contact-form-rules';
import { FormSubmissions } from '../../functions/ingest/contact-form/form-submissions';
import { createIngest } from '../../functions/ingest/ingest';
import { LocalBus } from '../../infra/local/local-bus';
import { createLogger } from '../../shared/log/logger';
import type { Secrets } from '../../shared/settings/secrets';
import { SqliteTable } from '../../shared/store/sqlite-table';
import type { LocalSwitchboard } from './local-switchboard';

/**
 * The real ingest over a store that refuses every write (its database is closed): what a webhook meets
 * when its delivery cannot be made durable, which must be answered 503 with nothing published.
 */
export async function ingestOverClosedStore(switchboard: LocalSwitchboard, secrets: Secrets): Promise<ReturnType<typeof createIngest>> {
  const log = createLogger({ level: 'SILENT', runtime: 'local' });
  const unavailable = SqliteTable.open(':memory:', switchboard.clock);
  await unavailable.close();
  return createIngest({
    clock: switchboard.clock,
    secrets: async () => secrets,
    publicBaseUrl: () => switchboard.url,
    intake: new LocalBus(unavailable, [], async () => undefined, switchboard.clock, log, { retryDelaysMs: [], concurrency: 1 }),
    contactFormRules: async () => DEFAULT_CONTACT_FORM_RULES,
    formSubmissions: new FormSubmissions(unavailable, switchboard.clock),
    log,
    runtime: 'local',
    version: 'test',
  });
}
