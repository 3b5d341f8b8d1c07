import { createLogger, type LogLevel } from '../../shared/log/logger';
import { DryRunSalesforce } from '../../shared/providers/salesforce/dry-run-salesforce';
import type { Salesforce } from '../../shared/providers/salesforce/salesforce';
import { salesforceCredentialsOf } from '../../shared/providers/salesforce/salesforce-credentials';
import { readEnv } from '../../shared/settings/read-env';
import type { Target } from '../admin/target';

/**
 * The Salesforce adapter the CLI acts with on a target: live with the target's connected app (locally the
 * environment and `.env`; with `--stack`, the stack's secret), at `SALESFORCE_INSTANCE_URL` when set, else
 * dry-run into the target's outbox. jsforce is loaded only when it is used. Its log lines go to stderr
 * only at `LOG_LEVEL` WARN or below (default ERROR).
 */
export async function salesforceForTarget(target: Target, env: Record<string, string | undefined>): Promise<Salesforce> {
  const credentials = salesforceCredentialsOf(await target.secrets());
  if (credentials === undefined) return new DryRunSalesforce(target.outbox, () => target.clock.now());
  const settings = readEnv(env);
  const { LiveSalesforce } = await import('../../shared/providers/salesforce/live-salesforce');
  const level: LogLevel = env['LOG_LEVEL'] === undefined ? 'ERROR' : settings.logLevel;
  return new LiveSalesforce({ credentials, instanceUrl: settings.apiUrls.salesforce, log: createLogger({ level, runtime: 'local' }) });
}
