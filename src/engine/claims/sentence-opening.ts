/**
 * What may stand before a sentence's first word: white space, opening quotes and brackets, bullets and dashes.
 * The patterns that read how a sentence opens (a pronoun subject, a leading contrast or concession) all skip it
 * the same way. Plain text only.
 */
export const OPENING = String.raw`^[\s"'“‘(•*–—-]*`;

/**
 * The products and treatments a page is about, as the head of a noun phrase ("the serum", "this extract"): a
 * sentence that opens with one goes on about what the sentence before named, under a name of its own.
 */
export const PRODUCT_HEADS = String.raw`(?:extracts?|serums?|creams?|products?|formulas?|formulations?|ingredients?|complex|treatments?|technology|therap(?:y|ies)|procedures?|facials?|injections?|masks?|toners?|essences?|lotions?|oils?|ampoules?|solutions?|blends?|actives?)`;
