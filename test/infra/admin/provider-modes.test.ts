import { describe, expect, it } from 'vitest';
import { localProviderModes, stackProviderModes } from '../../../infra/admin/provider-modes';

describe('provider modes', () => {
  describe('of a stack', () => {
    it('are dry-run for those the stack lists, live for the others, saying whether the secret holds their credentials', () => {
      const modes = stackProviderModes('Switchboard', ['twilio', 'GitHub'], { SLACK_BOT_TOKEN: 'xoxb-1', GOOGLE_SERVICE_ACCOUNT_JSON: '{}' });

      expect(modes.known).toBe(true);
      expect(modes.source).toBe('Stack Switchboard was deployed with dryRunProviders=twilio,github; a live provider works if the credentials secret holds its credentials');
      expect(modes.providers).toEqual([
        { provider: 'slack', mode: 'live', detail: 'credentials set' },
        { provider: 'twilio', mode: 'dry-run', detail: 'listed in dryRunProviders: calls are recorded in the outbox' },
        { provider: 'unthread', mode: 'live', detail: 'no UNTHREAD_API_KEY in the secret: its calls fail' },
        { provider: 'google-sheets', mode: 'live', detail: 'credentials set' },
        { provider: 'github', mode: 'dry-run', detail: 'listed in dryRunProviders: calls are recorded in the outbox' },
      ]);
    });

    it('count a GitHub App as GitHub credentials, and half a Twilio account as none', () => {
      const modes = stackProviderModes('Switchboard', [], { GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: 'pem', TWILIO_ACCOUNT_SID: 'AC1' });

      expect(modes.providers.find((p) => p.provider === 'github')?.detail).toBe('credentials set');
      expect(modes.providers.find((p) => p.provider === 'twilio')?.detail).toBe('no TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER in the secret: its calls fail');
    });

    it('say so when the stack predates its DryRunProviders output, or the secret cannot be read', () => {
      const modes = stackProviderModes('Old', undefined, undefined);

      expect(modes.known).toBe(false);
      expect(modes.source).toContain('Stack Old does not say which providers it keeps in dry-run');
      expect(modes.providers.every((p) => p.mode === 'live' && p.detail === 'credentials not checked (the secret could not be read)')).toBe(true);
    });
  });

  describe('of the local runtime', () => {
    it('are those the running runtime recorded at its start', () => {
      const modes = localProviderModes({
        pid: 1,
        url: 'http://localhost:3000',
        store: { kind: 'sqlite', file: 'x.db' },
        startedAt: '2026-11-23T00:00:00.000Z',
        providers: [
          { provider: 'slack', mode: 'live', enableWith: 'SLACK_BOT_TOKEN' },
          { provider: 'twilio', mode: 'dry-run', enableWith: 'TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER' },
        ],
      });

      expect(modes.known).toBe(true);
      expect(modes.providers).toEqual([
        { provider: 'slack', mode: 'live', detail: 'credentials set' },
        { provider: 'twilio', mode: 'dry-run', detail: 'no credentials: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER to go live' },
      ]);
    });

    it('are not known while no runtime is running', () => {
      const modes = localProviderModes(undefined);

      expect(modes).toEqual({ known: false, source: expect.stringContaining('Switchboard is not running locally'), providers: [] });
    });
  });
});
