import { awsGitHub } from '../../shared/aws/aws-github';
import { awsSalesforce } from '../../shared/aws/aws-salesforce';
import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { codenameSync } from './automation';

/** Lambda entry point of the Salesforce codename sync (jsforce and octokit are passed in: only this bundle carries both). */
export const handler = lambdaAutomationHandler(codenameSync, { github: awsGitHub, salesforce: awsSalesforce });
