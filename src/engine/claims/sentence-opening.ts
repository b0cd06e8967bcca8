/**
 * What may stand before a sentence's first word: white space, opening quotes and brackets, bullets and dashes.
 * The patterns that read how a sentence opens (a pronoun subject, a leading contrast or concession) all skip it
 * the same way. Plain text only.
 */
export const OPENING = String.raw`^[\s"'“‘(•*–—-]*`;
