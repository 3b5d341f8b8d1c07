import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { jobApplications } from './automation';

/** Lambda entry point of the job-applications automation (Unthread over fetch, Slack for reminders). */
export const handler = lambdaAutomationHandler(jobApplications);
