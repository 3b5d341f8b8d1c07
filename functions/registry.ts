import type { Automation } from '../shared/automation/automation';
import { afterHours } from './after-hours/automation';
import { codenameSync } from './codename-sync/automation';
import { jobApplications } from './job-applications/automation';
import { customerQuestions } from './customer-questions/automation';
import { firstResponse } from './first-response/automation';
import { githubLabels } from './github-labels/automation';
import { paging } from './paging/automation';

/**
 * Every automation, once. The CDK stack builds a Lambda function and its EventBridge rules from each
 * entry (the handler lives at `functions/{name}/handler.ts`); the local runtime routes with the same
 * subscriptions.
 */
export const automations: readonly Automation[] = [afterHours, paging, githubLabels, codenameSync, jobApplications, customerQuestions, firstResponse];
