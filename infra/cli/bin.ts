import { existsSync } from 'node:fs';
import { main } from './main';

// Node 20 is this project's local runtime on purpose (Lambda runs 22); the SDK's notice about it is noise here.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
if (existsSync('.env')) process.loadEnvFile('.env');

process.exitCode = await main(process.argv.slice(2));
