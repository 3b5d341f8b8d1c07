import { describe, expect, it } from 'vitest';
import { browserOpener, openBrowser } from '../../../infra/console/open-browser';

const URL_WITH_TOKEN = 'http://127.0.0.1:4711/?token=abc&x=1';

describe('opening the browser', () => {
  it('uses the platform’s opener: xdg-open, open, start', () => {
    expect(browserOpener('linux', URL_WITH_TOKEN)).toEqual({ command: 'xdg-open', args: [URL_WITH_TOKEN] });
    expect(browserOpener('darwin', URL_WITH_TOKEN)).toEqual({ command: 'open', args: [URL_WITH_TOKEN] });
    expect(browserOpener('win32', URL_WITH_TOKEN)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:4711/?token=abc^&x=1'] });
  });

  it('never fails where there is no opener: it says it could not', async () => {
    await expect(openBrowser(URL_WITH_TOKEN, { platform: 'linux', env: { PATH: '/nonexistent' } })).resolves.toBe(false);
  });
});
