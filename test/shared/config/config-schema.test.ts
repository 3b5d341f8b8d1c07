import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configSchema, DEFAULT_INVESTIGATION_COMMENT, type ConfigInput } from '../../../shared/config/config-schema';

const EXAMPLE_FILE = new URL('../../../switchboard.config.example.yaml', import.meta.url);
const exampleText = readFileSync(EXAMPLE_FILE, 'utf8');
const example = parse(exampleText) as ConfigInput;

/** The example document with one part replaced. */
function exampleWith(change: (document: ConfigInput) => void): ConfigInput {
  const document = structuredClone(example);
  change(document);
  return document;
}

/** The dotted paths and messages of what is wrong with a document, or [] when it is valid. */
function problemsOf(document: unknown): { path: string; message: string }[] {
  const parsed = configSchema.safeParse(document);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

describe('configuration schema', () => {
  describe('the example file', () => {
    it('is a valid configuration', () => {
      expect(problemsOf(example)).toEqual([]);
    });

    it('documents every top-level key', () => {
      const documented = Object.keys(example as object).sort();

      expect(documented).toEqual(Object.keys(configSchema.shape).sort());
    });

    it('spells out the defaults it relies on, so a reader sees them', () => {
      expect(example.runs?.retentionDays).toBe(30);
      expect(example.businessHours.holidays.types).toEqual(['public']);
      expect(example.afterHours.customerChannels).toEqual([{ id: 'C0ACMEPROD', customer: 'Acme Corp' }]);
      expect(example.githubLabels).toMatchObject({
        waitingLabelPrefix: '+',
        investigation: { label: '~investigate', businessDays: 2, addBack: [':incoming', ':reproduce'], comment: DEFAULT_INVESTIGATION_COMMENT },
        codenames: { pattern: '^(customer|prospect)-[a-z0-9-]+$', publicDescription: 'Customer codename' },
      });
    });
  });

  describe('business hours', () => {
    it('accepts weekday names in any case', () => {
      const document = exampleWith((d) => {
        d.businessHours.weekdays = ['mon', 'TUE', 'wEd', 'Thu', 'fri'];
      });

      expect(configSchema.parse(document).businessHours.weekdays).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    });

    it('reports a malformed opening time once, not also as closing before it', () => {
      const document = exampleWith((d) => {
        d.businessHours.opens = '6am';
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['businessHours.opens']);
    });

    it('refuses a day listed twice', () => {
      const document = exampleWith((d) => {
        d.businessHours.weekdays = ['Mon', 'monday'];
      });

      expect(problemsOf(document)).toEqual([{ path: 'businessHours.weekdays', message: 'lists each day once' }]);
    });

    it('refuses a word that only starts like a weekday', () => {
      const document = exampleWith((d) => {
        d.businessHours.weekdays = ['Monkey'];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['businessHours.weekdays.0']);
    });

    it('rejects a word that is not a weekday', () => {
      const document = exampleWith((d) => {
        d.businessHours.weekdays = ['Mon', 'Funday'];
      });

      expect(problemsOf(document)).toEqual([{ path: 'businessHours.weekdays.1', message: expect.stringContaining('Mon, Tue') }]);
    });

    it('needs at least one open day', () => {
      const document = exampleWith((d) => {
        d.businessHours.weekdays = [];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['businessHours.weekdays']);
    });

    it('rejects an opening time that is not a 24-hour HH:mm time', () => {
      for (const opens of ['6:00', '24:00', '06:60', '6am']) {
        const document = exampleWith((d) => {
          d.businessHours.opens = opens;
        });

        expect(problemsOf(document).map((p) => p.path), opens).toContain('businessHours.opens');
      }
    });

    it('rejects a closing time that is not later than the opening time', () => {
      for (const closes of ['06:00', '05:00']) {
        const document = exampleWith((d) => {
          d.businessHours.closes = closes;
        });

        expect(problemsOf(document), closes).toEqual([{ path: 'businessHours.closes', message: 'closes must be later than opens' }]);
      }
    });

    it('rejects an unknown time zone', () => {
      const document = exampleWith((d) => {
        d.businessHours.timeZone = 'America/Springfield';
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['businessHours.timeZone']);
    });

    it('rejects an unknown holiday country at the country key', () => {
      const document = exampleWith((d) => {
        d.businessHours.holidays.country = 'XX';
      });

      expect(problemsOf(document)).toEqual([{ path: 'businessHours.holidays.country', message: expect.stringContaining('"XX"') }]);
    });

    it('rejects an unknown holiday state at the state key', () => {
      const document = exampleWith((d) => {
        d.businessHours.holidays.state = 'ZZ';
      });

      expect(problemsOf(document)).toEqual([{ path: 'businessHours.holidays.state', message: expect.stringContaining('"ZZ"') }]);
    });

    it('accepts a known holiday state', () => {
      const document = exampleWith((d) => {
        d.businessHours.holidays.state = 'CA';
      });

      expect(problemsOf(document)).toEqual([]);
    });

    it('accepts real closure dates', () => {
      const document = exampleWith((d) => {
        d.businessHours.closures = ['2026-12-24', '2028-02-29'];
      });

      expect(problemsOf(document)).toEqual([]);
    });

    it('rejects a closure date that does not exist, such as 30 February', () => {
      for (const date of ['2026-02-30', '2026-02-29', '2026-04-31']) {
        const document = exampleWith((d) => {
          d.businessHours.closures = [date];
        });

        expect(problemsOf(document), date).toEqual([{ path: 'businessHours.closures.0', message: 'is not a real date' }]);
      }
    });

    // Found while writing this test: `new Date('2026-02-32T00:00:00Z').toISOString()` throws a RangeError
    // inside the refinement, so the whole validation throws instead of reporting an issue.
    it('reports an out-of-range day or month as an issue of that date', () => {
      for (const date of ['2026-02-32', '2026-13-01', '2026-00-10']) {
        const document = exampleWith((d) => {
          d.businessHours.closures = [date];
        });

        expect(() => problemsOf(document), date).not.toThrow();
        expect(problemsOf(document).map((p) => p.path), date).toEqual(['businessHours.closures.0']);
      }
    });

    // The same RangeError: the refinement runs even after the format check failed.
    it('rejects a closure that is not a YYYY-MM-DD date', () => {
      const document = exampleWith((d) => {
        d.businessHours.closures = ['24 December 2026'];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['businessHours.closures.0']);
    });
  });

  describe('customer channels', () => {
    it('rejects a channel id that is not a Slack channel id', () => {
      const document = exampleWith((d) => {
        d.afterHours.customerChannels = [{ id: 'acme-prod', customer: 'Acme Corp' }];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['afterHours.customerChannels.0.id']);
    });

    it('rejects a channel listed twice', () => {
      const document = exampleWith((d) => {
        d.afterHours.customerChannels = [
          { id: 'C0ACMEPROD', customer: 'Acme Corp' },
          { id: 'C0ACMEPROD', customer: 'Acme again' },
        ];
      });

      expect(problemsOf(document)).toEqual([{ path: 'afterHours.customerChannels', message: 'lists each channel once' }]);
    });

    it('needs the customer name', () => {
      const document = exampleWith((d) => {
        d.afterHours.customerChannels = [{ id: 'C0ACMEPROD', customer: '  ' }];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['afterHours.customerChannels.0.customer']);
    });
  });

  describe('company', () => {
    it('rejects a Slack team id that is not one', () => {
      const document = exampleWith((d) => {
        d.company.slack.teamId = 'example';
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['company.slack.teamId']);
    });

    it('rejects an internal user that is not a Slack user id', () => {
      const document = exampleWith((d) => {
        d.company.slack.internalUsers = ['U0PARTNER1', 'someone@example.com'];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['company.slack.internalUsers.1']);
    });
  });

  describe('support terms', () => {
    it('rejects a severity listed twice', () => {
      const document = exampleWith((d) => {
        d.supportTerms.responseTimes = [
          { severity: 'P0', meaning: 'down', target: '4 hours' },
          { severity: 'P0', meaning: 'down again', target: '1 hour' },
        ];
      });

      expect(problemsOf(document)).toEqual([{ path: 'supportTerms.responseTimes', message: 'lists each severity once' }]);
    });
  });

  it('rejects an unknown key, wherever it is', () => {
    const nested = exampleWith((d) => {
      (d.businessHours as Record<string, unknown>)['lunch'] = '12:00';
    });
    const topLevel = { ...example, slackToken: 'xoxb-123' };

    expect(problemsOf(nested)).toEqual([{ path: 'businessHours', message: expect.stringContaining('lunch') }]);
    expect(problemsOf(topLevel)).toEqual([{ path: '', message: expect.stringContaining('slackToken') }]);
  });

  it('fills in the defaults of optional keys', () => {
    const document = exampleWith((d) => {
      delete d.runs;
      delete d.company.slack.internalUsers;
      delete d.businessHours.closures;
    });

    const config = configSchema.parse(document);

    expect(config.runs).toEqual({ retentionDays: 30 });
    expect(config.company.slack.internalUsers).toEqual([]);
    expect(config.businessHours.closures).toEqual([]);
  });

  describe('the contact form', () => {
    it('lower-cases banned domains and refuses something that is not a domain', () => {
      const lower = exampleWith((d) => {
        d.contactForm = { bannedEmailDomains: ['Mailinator.COM'], repostWindow: '5m' };
      });
      const bad = exampleWith((d) => {
        d.contactForm = { bannedEmailDomains: ['@mailinator'] };
      });

      expect(configSchema.parse(lower).contactForm.bannedEmailDomains).toEqual(['mailinator.com']);
      expect(problemsOf(bad)).toEqual([{ path: 'contactForm.bannedEmailDomains.0', message: expect.stringContaining('e-mail domain') }]);
    });

    it('defaults to no banned domain and a ten-minute re-post window', () => {
      const document = exampleWith((d) => {
        delete d.contactForm;
      });

      expect(configSchema.parse(document).contactForm).toEqual({ bannedEmailDomains: [], repostWindow: '10m' });
    });
  });

  describe('job applications', () => {
    it('may be left out: applications are accepted, their runs fail until it is set', () => {
      const document = exampleWith((d) => {
        delete d.jobApplications;
      });

      expect(problemsOf(document)).toEqual([]);
      expect(configSchema.parse(document).jobApplications).toBeUndefined();
    });

    it('refuses a placeholder the reply template does not know, naming the known ones', () => {
      const document = exampleWith((d) => {
        d.jobApplications!.reply.body = 'Hi {{firstName}}, about {{salary}}';
      });

      expect(problemsOf(document)).toEqual([{ path: 'jobApplications.reply.body', message: expect.stringMatching(/\{\{salary\}\} is not a placeholder; use \{\{firstName\}\}/) }]);
    });

    it('asks for the e-mail inbox of an email conversation, and the triage channel of a triage one', () => {
      const email = exampleWith((d) => {
        d.jobApplications!.unthread = { type: 'email' };
      });
      const triage = exampleWith((d) => {
        d.jobApplications!.unthread = { type: 'triage', emailInboxId: 'inbox' };
      });

      expect(problemsOf(email)).toEqual([{ path: 'jobApplications.unthread.emailInboxId', message: 'is required when type is email' }]);
      expect(problemsOf(triage)).toEqual([{ path: 'jobApplications.unthread.triageChannelId', message: 'is required when type is triage' }]);
    });

    it('refuses a reminder lead time as long as the deadline', () => {
      const document = exampleWith((d) => {
        d.jobApplications!.sla = { respondWithin: '4h', remindBefore: '4h', escalateAfter: '30m' };
      });

      expect(problemsOf(document)).toEqual([{ path: 'jobApplications.sla.remindBefore', message: 'remindBefore must be shorter than respondWithin' }]);
    });

    it('refuses a CSE listed twice and an Unthread priority it does not have', () => {
      const document = exampleWith((d) => {
        const [first] = d.jobApplications!.cses;
        d.jobApplications!.cses = [first!, { ...first! }];
        d.jobApplications!.unthread.priority = 4 as 5;
      });

      expect(problemsOf(document).map((problem) => problem.path)).toEqual(['jobApplications.cses', 'jobApplications.unthread.priority']);
    });

    it('spells out the SLA the specification sets: 4 business hours, reminded 1 before', () => {
      expect(example.jobApplications?.sla).toEqual({ respondWithin: '4h', remindBefore: '1h', escalateAfter: '30m' });
      expect(example.jobApplications?.cses.length).toBeGreaterThan(1);
    });
  });

  describe('the Slack rituals', () => {
    it('are each optional: without their section the automation is off', () => {
      const document = exampleWith((d) => {
        delete d.customerQuestions;
        delete d.firstResponse;
        delete d.afterHours.overnightDigest;
      });

      const config = configSchema.parse(document);

      expect([config.customerQuestions, config.firstResponse, config.afterHours.overnightDigest]).toEqual([undefined, undefined, undefined]);
    });

    it('default the first-response times to 1 business hour and 4 hours, reactions not counting', () => {
      const document = exampleWith((d) => {
        d.firstResponse = { channel: 'C0SUPPORT01' };
      });

      expect(configSchema.parse(document).firstResponse).toEqual({ channel: 'C0SUPPORT01', withinBusinessHours: '1h', outsideBusinessHours: '4h', reactionsCount: false });
    });

    it('default the weekly summary of customer questions to Friday 15:00, and read the day in any case', () => {
      const document = exampleWith((d) => {
        d.customerQuestions = { spreadsheetId: '1ExampleSpreadsheetIdAbCdEfGhIjKlMnOpQrSt', docsChannel: 'C0DOCS00001' };
      });
      const thursday = exampleWith((d) => {
        d.customerQuestions!.weeklySummary = { day: 'thursday', at: '09:30' };
      });

      expect(configSchema.parse(document).customerQuestions).toMatchObject({ tab: 'Customer questions', weeklySummary: { day: 'Fri', at: '15:00' } });
      expect(configSchema.parse(thursday).customerQuestions?.weeklySummary).toEqual({ day: 'Thu', at: '09:30' });
    });

    it('name the path of each bad value', () => {
      const document = exampleWith((d) => {
        d.customerQuestions!.spreadsheetId = 'https://docs.google.com/spreadsheets/d/x';
        d.firstResponse!.outsideBusinessHours = '4';
        d.afterHours.overnightDigest = { channel: '#customer-success' };
      });

      expect(problemsOf(document).map((p) => p.path).sort()).toEqual(['afterHours.overnightDigest.channel', 'customerQuestions.spreadsheetId', 'firstResponse.outsideBusinessHours']);
    });
  });

  describe('GitHub labels', () => {
    it('has every default without the section, and mirrors no codenames without repositories', () => {
      const document = exampleWith((d) => {
        delete d.githubLabels;
      });

      const config = configSchema.parse(document);

      expect(config.githubLabels).toEqual({
        botLogins: [],
        waitingLabelPrefix: '+',
        investigation: { label: '~investigate', businessDays: 2, addBack: [':incoming', ':reproduce'], comment: DEFAULT_INVESTIGATION_COMMENT },
        codenames: { pattern: '^(customer|prospect)-[a-z0-9-]+$', publicDescription: 'Customer codename' },
      });
    });

    it('fills the defaults of a partial investigation section', () => {
      const document = exampleWith((d) => {
        d.githubLabels = { investigation: { businessDays: 3 } };
      });

      expect(configSchema.parse(document).githubLabels.investigation).toEqual({ label: '~investigate', businessDays: 3, addBack: [':incoming', ':reproduce'], comment: DEFAULT_INVESTIGATION_COMMENT });
    });

    it('refuses repositories that are not owner/name, or the same one twice', () => {
      const malformed = exampleWith((d) => {
        d.githubLabels!.repositories = { public: 'product', confidential: 'example-org/product-confidential' };
      });
      const same = exampleWith((d) => {
        d.githubLabels!.repositories = { public: 'example-org/product', confidential: 'Example-Org/Product' };
      });

      expect(problemsOf(malformed)).toEqual([{ path: 'githubLabels.repositories.public', message: 'must be a repository as "owner/name"' }]);
      expect(problemsOf(same)).toEqual([{ path: 'githubLabels.repositories.confidential', message: 'the public and the confidential repository must differ' }]);
    });

    it('refuses a codename pattern that is not a regular expression', () => {
      const document = exampleWith((d) => {
        d.githubLabels!.codenames = { pattern: '^(customer' };
      });

      expect(problemsOf(document)).toEqual([{ path: 'githubLabels.codenames.pattern', message: 'must be a valid regular expression' }]);
    });

    it('refuses a label name longer than GitHub allows, and bot logins that are not logins', () => {
      const document = exampleWith((d) => {
        d.githubLabels!.investigation = { label: 'x'.repeat(51) };
        d.githubLabels!.botLogins = ['renovate[bot]', 'not a login'];
      });

      expect(problemsOf(document).map((p) => p.path)).toEqual(['githubLabels.botLogins.1', 'githubLabels.investigation.label']);
    });
  });

  describe('the codename sync', () => {
    it('has defaults for every key: the GitHub_label__c field, ";" between labels, a report every day', () => {
      const document = exampleWith((d) => {
        delete d.codenameSync;
      });

      const config = configSchema.parse(document);

      expect(config.codenameSync).toEqual({ salesforce: { labelField: 'GitHub_label__c', separator: ';' }, labelColor: 'd4c5f9', dailyReport: true });
    });

    it('spells out its defaults in the example', () => {
      expect(example.codenameSync).toEqual({ salesforce: { labelField: 'GitHub_label__c', separator: ';' }, labelColor: 'd4c5f9', slackChannel: 'C0SUPPORT01', dailyReport: true });
    });

    it('refuses a label field that is not a custom field API name, a blank separator and a bad colour, naming each', () => {
      const document = exampleWith((d) => {
        d.codenameSync = { salesforce: { labelField: "Name FROM Account WHERE Name != ''", separator: '  ' }, labelColor: 'purple' };
      });

      expect(problemsOf(document)).toEqual([
        { path: 'codenameSync.salesforce.labelField', message: 'must be the API name of a custom field, like "GitHub_label__c"' },
        { path: 'codenameSync.salesforce.separator', message: 'must not be only spaces' },
        { path: 'codenameSync.labelColor', message: 'must be six hex digits like "d4c5f9"' },
      ]);
    });
  });
});
