import { awsSmsSender } from '../../shared/aws/aws-sms-sender';
import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { paging } from './automation';

/** Lambda entry point of the paging automation (it sends SMS through Twilio). */
export const handler = lambdaAutomationHandler(paging, { sms: awsSmsSender });
