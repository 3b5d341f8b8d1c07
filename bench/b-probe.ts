import { mkdir } from 'node:fs/promises';
import { measureBundles } from './measures/bundles';
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
await mkdir('bench/results/bundles', { recursive: true });
console.log('start');
try { console.log(JSON.stringify(await measureBundles('/work/main/bench/results/bundles'))); } catch (e) { console.log('ERR', String(e).slice(0, 3000)); }
console.log('end');
