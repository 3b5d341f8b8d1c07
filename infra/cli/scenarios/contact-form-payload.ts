/** What the website's job-application form posts (its Zapier payload today), field for field. */
export interface JobApplicationInput {
  firstName: string;
  lastName: string;
  emailAddress: string;
  /** As the careers page shows it, department emoji and all: "🚀 Software Engineer 🌦️". */
  position: string;
  linkedinProfileUrl: string;
  location: string;
  message: string;
}

/** What the website's general contact form posts: no position. */
export interface ContactMessageInput {
  firstName: string;
  lastName: string;
  emailAddress: string;
  message: string;
}

/**
 * The body the website sends for a job application: today's Zapier catch-hook payload, unchanged (SPEC §3.E),
 * with the shared secret in `webhookSecret`. The website strips only the first emoji of the position; the
 * automation strips them all.
 */
export function jobApplicationPayload(input: JobApplicationInput, webhookSecret: string): Record<string, string> {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    emailAddress: input.emailAddress,
    position: input.position,
    linkedinProfileUrl: input.linkedinProfileUrl,
    location: input.location,
    message: input.message,
    webhookSecret,
  };
}

/** The body the website sends for a general contact message. */
export function contactMessagePayload(input: ContactMessageInput, webhookSecret: string): Record<string, string> {
  return { firstName: input.firstName, lastName: input.lastName, emailAddress: input.emailAddress, message: input.message, webhookSecret };
}

/** A realistic application, for `simulate job-application` and the tests. */
export const SAMPLE_APPLICATION: JobApplicationInput = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  emailAddress: 'ada.lovelace@example.org',
  position: '🚀 Software Engineer 🌦️',
  linkedinProfileUrl: 'https://www.linkedin.com/in/ada-lovelace-example',
  location: 'London, UK',
  message: "I have been writing programs for the Analytical Engine and would love to join your team.\nMy notes are attached to my profile.",
};

/** A realistic contact message. */
export const SAMPLE_CONTACT_MESSAGE: ContactMessageInput = {
  firstName: 'Grace',
  lastName: 'Hopper',
  emailAddress: 'grace.hopper@example.net',
  message: 'Do you offer a discount for non-profit organisations?',
};
