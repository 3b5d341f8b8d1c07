import { describe, expect, it } from 'vitest';
import { githubCredentialsOf } from '../../../../shared/providers/github/github-credentials';

describe('GitHub credentials', () => {
  it('are a token, when only GITHUB_TOKEN is set', () => {
    expect(githubCredentialsOf({ GITHUB_TOKEN: 'github_pat_123' })).toEqual({ kind: 'token', token: 'github_pat_123' });
  });

  it('are the GitHub App when its id and key are both set, even beside a token', () => {
    const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----';

    expect(githubCredentialsOf({ GITHUB_APP_ID: '123456', GITHUB_APP_PRIVATE_KEY: key, GITHUB_TOKEN: 'github_pat_123' })).toEqual({ kind: 'app', appId: '123456', privateKey: key });
  });

  it('restore a private key kept on one line with \\n escapes', () => {
    const oneLine = '-----BEGIN RSA PRIVATE KEY-----\\nMIIE\\n-----END RSA PRIVATE KEY-----';

    expect(githubCredentialsOf({ GITHUB_APP_ID: '1', GITHUB_APP_PRIVATE_KEY: oneLine })).toMatchObject({ privateKey: '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----' });
  });

  it('are none without a token, or with half an app', () => {
    expect(githubCredentialsOf({})).toBeUndefined();
    expect(githubCredentialsOf({ GITHUB_APP_ID: '123456' })).toBeUndefined();
    expect(githubCredentialsOf({ GITHUB_WEBHOOK_SECRET: 'verifies, but calls nothing' })).toBeUndefined();
  });
});
