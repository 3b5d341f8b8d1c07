/** Deterministic pseudo-random numbers (mulberry32), so a failing fuzz case can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` characters of any code point below 256: control bytes, Latin-1, broken UTF-8 once encoded. */
export function randomText(random: () => number, length: number): string {
  return Array.from({ length }, () => String.fromCharCode(Math.floor(random() * 256))).join('');
}

/** A JSON value with random damage: fields dropped, values nulled, retyped or made huge, at every depth. */
export function mutateJson(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => mutateJson(item, random));
  if (typeof value !== 'object' || value === null) {
    const roll = random();
    if (roll < 0.1) return null;
    if (roll < 0.2) return 12345;
    if (roll < 0.3) return ['x'];
    if (roll < 0.35) return 'ü'.repeat(Math.floor(random() * 700));
    return value;
  }
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (random() < 0.1) continue;
    result[key] = mutateJson(child, random);
  }
  return result;
}
