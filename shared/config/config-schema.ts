import * as z from 'zod';
import { isValidTimeZone } from '../calendar/business-calendar';
import { assertKnownHolidaySettings } from '../calendar/holidays';
import { durationMs, durationSchema } from './duration';

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockTime = z.string().regex(CLOCK_TIME, 'must be a 24-hour time like "06:00"');
const isClockTime = (value: unknown) => typeof value === 'string' && CLOCK_TIME.test(value);
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = z
  .string()
  .regex(LOCAL_DATE, 'must be a date like "2026-12-24"')
  // Date.parse rolls 2026-02-30 over into March, so compare the round trip instead. Zod runs this even
  // when the format check failed, so an impossible date must not throw here.
  .refine((value) => {
    if (!LOCAL_DATE.test(value)) return true; // the format check reports it
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'is not a real date');
const slackTeamId = z.string().regex(/^[TE][A-Z0-9]{2,}$/, 'must be a Slack team id like "T01ABCDEF"');
const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user id like "U01ABCDEF"');
const slackChannelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, 'must be a Slack channel id like "C01ABCDEF"');
const FULL_WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** "Mon", "mon" or "Monday" (any case) → "Mon"; anything else is refused. */
const weekday = z
  .string()
  .transform((day) => {
    const lower = day.trim().toLowerCase();
    const full = FULL_WEEKDAY_NAMES.find((name) => name === lower || name.slice(0, 3) === lower);
    return full === undefined ? day : (WEEKDAY_NAMES[FULL_WEEKDAY_NAMES.indexOf(full)] as string);
  })
  .pipe(z.enum(WEEKDAY_NAMES, { message: `must be one of ${WEEKDAY_NAMES.join(', ')}` }));

export const customerChannelSchema = z.strictObject({
  id: slackChannelId,
  customer: z.string().trim().min(1, 'names the customer').max(200),
});
export type CustomerChannel = z.infer<typeof customerChannelSchema>;

/** An e-mail domain as people write it ("Mailinator.com") → "mailinator.com". */
const emailDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be an e-mail domain like "mailinator.com"');
const unthreadId = z
  .string()
  .trim()
  .regex(/^[\w.:-]{1,128}$/, 'must be an Unthread id (a UUID from the Unthread dashboard or API)');

/** The placeholders a ready-reply template may use, each written `{{name}}`. */
export const REPLY_PLACEHOLDERS = ['firstName', 'lastName', 'position', 'company', 'cse'] as const;
const replyTemplate = z
  .string()
  .min(1)
  .max(5_000)
  .superRefine((template, context) => {
    for (const [, name] of template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      if (!(REPLY_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        context.addIssue({ code: 'custom', message: `{{${name}}} is not a placeholder; use ${REPLY_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}` });
      }
    }
  });

const contactFormSchema = z.strictObject({
  /** Submissions from addresses at these domains (or their subdomains) are refused with 400. */
  bannedEmailDomains: z
    .array(emailDomain)
    .default([])
    .refine((domains) => new Set(domains).size === domains.length, 'lists each domain once'),
  /** The same body posted again within this time counts once (the website has no retry; people double-submit). */
  repostWindow: durationSchema.default('10m'),
});

const jobApplicationsSchema = z.strictObject({
  /** The Customer Success engineers who answer applications, in round-robin order. */
  cses: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(80),
        slackUserId,
        unthreadUserId: unthreadId,
      }),
    )
    .min(1, 'needs at least one CSE')
    .refine((cses) => new Set(cses.map((c) => c.slackUserId)).size === cses.length, 'lists each CSE once'),
  /** Copied on every ready reply. */
  headOfPeople: z.strictObject({ name: z.string().trim().min(1).max(80), email: z.email('must be an e-mail address') }),
  /** Told in Slack when an application is past its deadline and still open. */
  manager: z.strictObject({ name: z.string().trim().min(1).max(80), slackUserId }),
  /** Business hours, on the business calendar. */
  sla: z
    .strictObject({
      /** The deadline, from receipt. */
      respondWithin: durationSchema.default('4h'),
      /** The first reminder, this long before the deadline (the second is at the deadline). */
      remindBefore: durationSchema.default('1h'),
      /** The manager is told this long past the deadline. */
      escalateAfter: durationSchema.default('30m'),
    })
    .default({ respondWithin: '4h', remindBefore: '1h', escalateAfter: '30m' })
    .refine((sla) => !(isDuration(sla.remindBefore) && isDuration(sla.respondWithin)) || durationMs(sla.remindBefore) < durationMs(sla.respondWithin), {
      message: 'remindBefore must be shorter than respondWithin',
      path: ['remindBefore'],
    }),
  /** Where the conversations are created in Unthread. */
  unthread: z
    .strictObject({
      /** `email`: in an Unthread e-mail inbox (`emailInboxId`); `triage`: in a Slack triage channel (`triageChannelId`). */
      type: z.enum(['email', 'triage']),
      emailInboxId: unthreadId.optional(),
      triageChannelId: slackChannelId.optional(),
      /** Unthread's priority: 3, 5, 7 or 9. */
      priority: z.union([z.literal(3), z.literal(5), z.literal(7), z.literal(9)]).optional(),
    })
    .superRefine((unthread, context) => {
      if (unthread.type === 'email' && unthread.emailInboxId === undefined) {
        context.addIssue({ code: 'custom', message: 'is required when type is email', path: ['emailInboxId'] });
      }
      if (unthread.type === 'triage' && unthread.triageChannelId === undefined) {
        context.addIssue({ code: 'custom', message: 'is required when type is triage', path: ['triageChannelId'] });
      }
    }),
  /** The ready reply the assigned CSE sends from their own mail client (Unthread cannot answer these). */
  reply: z.strictObject({ subject: replyTemplate, body: replyTemplate }),
});

const githubLogin = z.string().regex(/^[A-Za-z0-9-]{1,39}$/, 'must be a GitHub login');
/** A bot's login: an app's ends in `[bot]` (`dependabot[bot]`), a machine user's is a plain login. */
const githubBotLogin = z.string().regex(/^[A-Za-z0-9-]{1,39}(\[bot\])?$/, 'must be a GitHub login, an app\'s ending in [bot]');
const githubRepository = z.string().regex(/^[A-Za-z0-9-]{1,39}\/[\w.-]{1,100}$/, 'must be a repository as "owner/name"');
/** GitHub label names: up to 50 characters. */
const githubLabelName = z.string().trim().min(1).max(50, 'must be at most 50 characters (GitHub\'s limit for label names)');
const regularExpression = z.string().min(1).refine((pattern) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

/** The comment posted when an investigation ran out of time without a reproduction. */
export const DEFAULT_INVESTIGATION_COMMENT =
  "We have been investigating this but could not reproduce it yet. Could you share the logs from around the time it happened, the exact steps that lead to it, and the versions you run? We've moved it back to triage in the meantime.";

/** SPEC §3.C: the GitHub label automations. Every key has a default except the repositories of the codename mirror. */
const githubLabelsSchema = z.strictObject({
  /** The codename mirror's two repositories; without them codename labels are not mirrored. */
  repositories: z
    .strictObject({ public: githubRepository, confidential: githubRepository })
    .refine((repositories) => repositories.public.toLowerCase() !== repositories.confidential.toLowerCase(), {
      message: 'the public and the confidential repository must differ',
      path: ['confidential'],
    })
    .optional(),
  /** Logins that never count as the community, besides `type: Bot` and any `[bot]` login (e.g. a machine user). */
  botLogins: z.array(githubBotLogin).default([]),
  /** Labels whose name starts with this (case-insensitively) wait on the community, and go when it answers. */
  waitingLabelPrefix: z.string().trim().min(1).max(20).default('+'),
  investigation: z
    .strictObject({
      /** The label that starts the clock. */
      label: githubLabelName.default('~investigate'),
      /** Business days (on the business calendar) before an investigation still labelled goes back to triage. */
      businessDays: z.number().positive().max(60).default(2),
      /** Labels added back when it goes back to triage. */
      addBack: z.array(githubLabelName).default([':incoming', ':reproduce']),
      /** The comment asking for logs and reproduction steps (GitHub Markdown). */
      comment: z.string().trim().min(1).max(5_000).default(DEFAULT_INVESTIGATION_COMMENT),
    })
    .prefault({}),
  codenames: z
    .strictObject({
      /** What a customer codename label's name looks like. */
      pattern: regularExpression.default('^(customer|prospect)-[a-z0-9-]+$'),
      /** The description the public copy of a codename label gets: never the customer's name. */
      publicDescription: z.string().trim().min(1).max(100, "must be at most 100 characters (GitHub's limit for label descriptions)").default('Customer codename'),
    })
    .prefault({}),
  /** Told when an investigation goes back to triage and when a codename label is deleted (default: paging.internalChannel). */
  slackChannel: slackChannelId.optional(),
});

/** SPEC §3.D: the Salesforce codename sync. Every key has a default; the GitHub side is `githubLabels`'. */
const codenameSyncSchema = z.strictObject({
  salesforce: z
    .strictObject({
      /** The API name of the Account field that lists the customer's codename labels. */
      labelField: z
        .string()
        .regex(/^[A-Za-z][A-Za-z0-9_]{0,60}__c$/, 'must be the API name of a custom field, like "GitHub_label__c"')
        .default('GitHub_label__c'),
      /** What separates the labels in that field (a multi-select picklist uses ";"). */
      separator: z.string().min(1).max(5).refine((separator) => separator.trim() !== '', 'must not be only spaces').default(';'),
    })
    .prefault({}),
  /** The colour of a codename label the reconciliation creates when neither repository has it. */
  labelColor: z.string().regex(/^[0-9a-fA-F]{6}$/, 'must be six hex digits like "d4c5f9"').default('d4c5f9'),
  /** Told when a codename matches no Account or several, and of the daily drift report (default: githubLabels.slackChannel, else paging.internalChannel). */
  slackChannel: slackChannelId.optional(),
  /** Whether the daily reconciliation posts its drift report (it posts only when there is drift). */
  dailyReport: z.boolean().default(true),
});

const responseTimeSchema = z.strictObject({
  severity: z.enum(['P0', 'P1', 'P2', 'P3']),
  meaning: z.string().trim().min(1).max(100),
  target: z.string().trim().min(1).max(100),
});

/**
 * The business rules (SPEC §2 "Configuration"). Secrets never live here. `switchboard.config.example.yaml`
 * documents every key; keep the two in step.
 */
export const configSchema = z.strictObject({
  company: z.strictObject({
    name: z.string().trim().min(1).max(200),
    slack: z.strictObject({
      teamId: slackTeamId,
      /** People from other workspaces who count as the team (contractors, partners). */
      internalUsers: z.array(slackUserId).default([]),
    }),
    github: z.strictObject({
      org: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, 'must be a GitHub organisation name'),
      /** Team members' logins: never the community, whatever their `author_association` (compared case-insensitively). */
      teamLogins: z.array(githubLogin).default([]),
    }),
  }),
  businessHours: z
    .strictObject({
      timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone like "America/Los_Angeles"'),
      weekdays: z
        .array(weekday)
        .min(1, 'needs at least one open day')
        .refine((days) => new Set(days).size === days.length, 'lists each day once'),
      opens: clockTime,
      closes: clockTime,
      holidays: z
        .strictObject({
          country: z.string().min(2).max(3),
          state: z.string().min(1).optional(),
          types: z.array(z.enum(['public', 'bank', 'school', 'optional', 'observance'])).min(1).default(['public']),
        })
        .superRefine((holidays, context) => {
          // date-holidays silently returns no holidays for an unknown country or state: refuse it here.
          // The country alone first, so that each problem is reported at its own key.
          const { state, ...country } = holidays;
          for (const [settings, path] of [
            [country, 'country'],
            [holidays, 'state'],
          ] as const) {
            try {
              assertKnownHolidaySettings(settings);
            } catch (error) {
              context.addIssue({ code: 'custom', message: (error as Error).message, path: [path] });
              return;
            }
            if (state === undefined) return;
          }
        }),
      /** Extra days the company is closed, as local dates. */
      closures: z.array(localDate).default([]),
    })
    // Only comparable when both are valid times; a bad one is reported on its own.
    .refine((hours) => !(isClockTime(hours.opens) && isClockTime(hours.closes)) || hours.closes > hours.opens, {
      message: 'closes must be later than opens',
      path: ['closes'],
    }),
  supportTerms: z.strictObject({
    responseTimes: z
      .array(responseTimeSchema)
      .min(1)
      .refine((times) => new Set(times.map((t) => t.severity)).size === times.length, 'lists each severity once'),
  }),
  afterHours: z.strictObject({
    customerChannels: z
      .array(customerChannelSchema)
      .default([])
      .refine((channels) => new Set(channels.map((c) => c.id)).size === channels.length, 'lists each channel once'),
    /** SPEC §3.G: at each opening, what customers wrote since the previous closing. Absent: no digest. */
    overnightDigest: z
      .strictObject({
        /** The customer-success channel the digest goes to. */
        channel: slackChannelId,
      })
      .optional(),
  }),
  /** SPEC §3.F: the "Send to customer questions" message shortcut. Absent: the shortcut is answered that it is not set up. */
  customerQuestions: z
    .strictObject({
      /** The spreadsheet's id: the part of its URL between `/d/` and `/edit`. */
      spreadsheetId: z.string().regex(/^[A-Za-z0-9_-]{20,128}$/, 'must be a Google Sheets spreadsheet id (the part of its URL after /d/)'),
      /** The tab the rows are appended to. */
      tab: z.string().trim().min(1).max(100).default('Customer questions'),
      /** Where the weekly summary goes. */
      docsChannel: slackChannelId,
      /** When the week's summary is posted, in the business time zone. */
      weeklySummary: z
        .strictObject({
          day: weekday.default('Fri'),
          at: clockTime.default('15:00'),
        })
        .default({ day: 'Fri', at: '15:00' }),
    })
    .optional(),
  /** SPEC §3.H: customer messages nobody on the team answered in time. Absent: no watch. */
  firstResponse: z
    .strictObject({
      /** Where an unanswered message is flagged. */
      channel: slackChannelId,
      /** Time to a first reply for a message posted within business hours, counted in business time. */
      withinBusinessHours: durationSchema.default('1h'),
      /** Time to a first reply for a message posted outside business hours, counted on the clock. */
      outsideBusinessHours: durationSchema.default('4h'),
      /** Whether a team member's emoji reaction on the message counts as a reply. */
      reactionsCount: z.boolean().default(false),
    })
    .optional(),
  paging: z
    .strictObject({
      /** Who is paged, in order; the first at once, the next when nobody acknowledged in time. */
      chain: z
        .array(
          z.strictObject({
            name: z.string().trim().min(1).max(80),
            phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number like "+15555550101"'),
          }),
        )
        .min(1, 'needs at least one person')
        .refine((people) => new Set(people.map((p) => p.phone)).size === people.length, 'lists each phone number once'),
      /** How long each person has to reply ACK before the next one is paged. */
      ackTimeout: durationSchema,
      /** How many more times the whole chain is paged after the first pass. */
      repeats: z.number().int().min(0).max(10),
      /** Told when an incident opens and who acknowledged it. */
      internalChannel: slackChannelId,
      /** Told when nobody acknowledged (default: the internal channel). */
      fallbackChannel: slackChannelId.optional(),
    }),
  contactForm: contactFormSchema.default({ bannedEmailDomains: [], repostWindow: '10m' }),
  /** Absent: applications are accepted and their runs fail, replayable once this is configured. */
  jobApplications: jobApplicationsSchema.optional(),
  githubLabels: githubLabelsSchema.prefault({}),
  codenameSync: codenameSyncSchema.prefault({}),
  runs: z
    .strictObject({
      retentionDays: z.number().int().min(1).max(365).default(30),
    })
    .default({ retentionDays: 30 }),
});

function isDuration(text: string): boolean {
  return durationSchema.safeParse(text).success;
}

/** A validated configuration document, in the shape of the YAML file. */
export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
export type JobApplicationsConfig = NonNullable<Config['jobApplications']>;
