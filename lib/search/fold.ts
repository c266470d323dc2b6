/**
 * Text as search compares it: accents and case removed, so "zoe" finds "Zoë" and "ZOË" finds "Zoe".
 * NFKD splits "ë" into "e" + a combining mark, which is then dropped; the letters NFKD leaves whole (ø, ł, ß,
 * æ, œ, đ, ı) are spelled the way people type them without the key.
 */
const WHOLE_LETTERS: Record<string, string> = { ø: 'o', ł: 'l', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

// Plain ASCII has no accents to remove: NFKD and the replacements leave it as it is (most names, every email).
const NOT_ASCII = /[^\x00-\x7f]/;

export function fold(text: string): string {
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłßæœđðþı]/g, (c) => WHOLE_LETTERS[c] ?? c);
}

/**
 * A LinkedIn address as the index keeps it: no scheme, no "www.", no query or trailing slash
 * ("https://www.linkedin.com/in/zoe-martin/" -> "linkedin.com/in/zoe-martin"), so a pasted URL and a typed one
 * meet. Anything that is not a LinkedIn address is returned unchanged.
 */
export function bareLinkedInUrl(text: string): string {
  const m = /^(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?(linkedin\.com\/[^?#]*)/.exec(text);
  return m ? m[1]!.replace(/\/+$/, '') : text;
}
