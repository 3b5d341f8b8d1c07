import { awsSpreadsheet } from '../../shared/aws/aws-spreadsheet';
import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { customerQuestions } from './automation';

/** Lambda entry point of the customer-questions automation; only this function bundles the Google client. */
export const handler = lambdaAutomationHandler(customerQuestions, { sheets: awsSpreadsheet });
