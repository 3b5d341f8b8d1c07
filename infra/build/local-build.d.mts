/** The programs built, by name: their TypeScript entry points. */
export const ENTRIES: Record<'cli' | 'start', string>;
/** The built program `name`, building first when any source is newer than the last build. */
export function builtEntry(name: 'cli' | 'start'): Promise<string>;
