import { lambdaAutomationHandler } from '../../shared/aws/lambda-automation-handler';
import { afterHours } from './automation';

/** Lambda entry point of the after-hours automation. */
export const handler = lambdaAutomationHandler(afterHours);
