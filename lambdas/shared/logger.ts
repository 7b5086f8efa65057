import { Logger } from '@aws-lambda-powertools/logger';

let sharedLogger: Logger | undefined;

/**
 * The functions' one structured logger (JSON lines with service, level, message, timestamp and,
 * inside a middy chain with injectLambdaContext, the request id). Created on first use, not at
 * import: Powertools reads its level from the environment.
 */
export const lambdaLogger = (): Logger => (sharedLogger ??= new Logger({ serviceName: 'aftercall' }));
