/** Switchboard's version, reported by GET /health. */
export const SWITCHBOARD_VERSION = '0.1.0';
