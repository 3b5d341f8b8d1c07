import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whyNotCommunity } from '../../../functions/github-labels/community';
import { labelSettingsOf } from '../../../functions/github-labels/label-settings';
import { parseConfig } from '../../../shared/config/parse-config';

const example = parseConfig(readFileSync(new URL('../../../switchboard.config.example.yaml', import.meta.url), 'utf8'), 'example');
const settings = labelSettingsOf({ ...example, company: { ...example.company, github: { org: 'example-org', teamLogins: ['octocat', 'Hubot-Dev'] } }, githubLabels: { ...example.githubLabels, botLogins: ['example-bot'] } });

const commenter = (login: string, authorAssociation = 'NONE', type = 'User') => ({ login, type, authorAssociation });

describe('who counts as the community', () => {
  it('is anyone outside the team, whatever their relation to the issue', () => {
    for (const association of ['NONE', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'COLLABORATOR', 'MANNEQUIN']) {
      expect(whyNotCommunity(commenter('someone', association), settings), association).toBeUndefined();
    }
  });

  it('is not a team member, in any letter case', () => {
    for (const login of ['octocat', 'OctoCat', 'OCTOCAT', 'hubot-dev', 'HUBOT-DEV']) {
      expect(whyNotCommunity(commenter(login), settings), login).toMatch(/is on the team/);
    }
  });

  it('is not an OWNER or a MEMBER of the repository', () => {
    expect(whyNotCommunity(commenter('someone', 'OWNER'), settings)).toBe('someone is the team (OWNER of the repository)');
    expect(whyNotCommunity(commenter('someone', 'MEMBER'), settings)).toBe('someone is the team (MEMBER of the repository)');
  });

  it('is never a bot: type Bot, a [bot] login, or a configured bot login in any case', () => {
    expect(whyNotCommunity(commenter('renovate', 'NONE', 'Bot'), settings)).toMatch(/type Bot/);
    expect(whyNotCommunity(commenter('dependabot[bot]'), settings)).toMatch(/app's bot/);
    expect(whyNotCommunity(commenter('Example-Bot'), settings)).toMatch(/githubLabels.botLogins/);
  });
});
