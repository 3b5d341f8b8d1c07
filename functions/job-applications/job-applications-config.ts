import type { AutomationContext } from '../../shared/automation/automation';
import type { JobApplicationsConfig } from '../../shared/config/config-schema';

/** The configuration has no `jobApplications` section: a permanent failure, replayable once it has one. */
export class JobApplicationsNotConfiguredError extends Error {
  override readonly name = 'JobApplicationsNotConfiguredError';
  constructor() {
    super('the configuration has no jobApplications section (CSEs, Unthread inbox, reply template): add it, apply it, and replay this run');
  }
}

/**
 * The `jobApplications` section in force. Without one, a failed step says what to configure, and the run
 * fails (it is not filtered: a submission must not be dropped for want of configuration).
 */
export async function jobApplicationsSettings(context: AutomationContext): Promise<JobApplicationsConfig> {
  const settings = context.config.jobApplications;
  if (settings !== undefined) return settings;
  return context.run.step('read the job-application settings', async () => {
    throw new JobApplicationsNotConfiguredError();
  });
}
