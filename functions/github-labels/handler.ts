import { awsGitHub } from '../../shared/aws/aws-github';
import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { githubLabels } from './automation';

/** Lambda entry point of the GitHub label automations (they call GitHub through octokit). */
export const handler = lambdaAutomationHandler(githubLabels, { github: awsGitHub });
