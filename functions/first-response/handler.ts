import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { firstResponse } from './automation';

/** Lambda entry point of the first-response automation. */
export const handler = lambdaAutomationHandler(firstResponse);
