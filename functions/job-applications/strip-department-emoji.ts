/**
 * Pictographs that are text in a title unless U+FE0F asks for the emoji: ©, ®, ‼, ⁉, ™, ℹ and the arrows
 * ↔–↙, ↩, ↪ ("Engineer™" keeps its ™; "™️" is an emoji).
 */
const TEXT_STYLE = '\u00A9\u00AE\u203C\u2049\u2122\u2139\u2194-\u2199\u21A9\u21AA';

/**
 * Emoji and the code points that build them: pictographs (🚀, 🌦), skin tones, flags, the zero-width
 * joiner and variation selectors (the U+FE0F of "🌦️"), keycaps and tag sequences.
 */
const EMOJI = new RegExp(
  `(?![${TEXT_STYLE}](?!\\uFE0F))[\\p{Extended_Pictographic}\\p{Emoji_Modifier}\\p{Regional_Indicator}\\u200D\\uFE0E\\uFE0F\\u20E3\\u{E0020}-\\u{E007F}]`,
  'gu',
);

/**
 * The position title without its department emoji, wherever they are (the website strips only the first),
 * with the spaces they leave collapsed and trimmed. A title of emoji alone is kept as posted.
 *
 * @example
 * stripDepartmentEmoji('🚀 Software Engineer 🌦️') // 'Software Engineer'
 * stripDepartmentEmoji('👩🏽‍💻 Support 🇺🇸 Lead') // 'Support Lead'
 */
export function stripDepartmentEmoji(position: string): string {
  const stripped = position.replace(EMOJI, ' ').replace(/\s+/g, ' ').trim();
  return stripped === '' ? position.trim() : stripped;
}
