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
