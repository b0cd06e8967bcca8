/**
 * Whose voice a page speaks in. The seller saying "our cream contains live stem cells" is a claim; a
 * dermatologist's article saying the same words in order to knock them down is a mention. A sentence alone
 * often cannot tell ("Stem cell serums contain apple stem cells" is the claim a debunking piece sets out to
 * refute), but the page can: shops sell (prices, add to bag, our formula), critics argue (myth, no evidence,
 * marketing gimmick, too good to be true). A page that argues against the claims and sells nothing is read as
 * a critic's: its matches are shown as quiet mentions, not flagged. Plain text, one pass of regular
 * expressions over the page: no compromise, no DOM.
 */

export type PageVoice = 'seller' | 'critic' | 'neutral';

/** Words of a page that sells: a cart, a price, a booking, the first person of a brand or clinic. */
const SELLING = new RegExp(
  [
    String.raw`\badd to (?:cart|bag|basket)\b`,
    String.raw`\b(?:buy|shop|order) (?:it )?now\b`,
    String.raw`\bbook (?:now|online|an? (?:appointment|consultation|treatment))\b`,
    String.raw`\b(?:free (?:shipping|delivery)|in stock|out of stock|subscribe (?:and|&) save)\b`,
    String.raw`(?:[$€£¥₩]\s?\d{1,5}(?:[.,]\d{2})?\b|\b\d{1,5}(?:[.,]\d{2})?\s?(?:usd|eur|gbp|krw)\b)`,
    String.raw`\b(?:our|my) (?:serum|cream|formula|product|products|ampoule|essence|mask|toner|clinic|treatment|treatments|patients|kit|line|range|brand|technology)\b`,
    String.raw`\bwe (?:offer|provide|use|deliver|formulate|developed|created)\b`,
  ].join('|'),
  'giu',
);

/** Words of a page that argues against the claims. */
const ARGUING = new RegExp(
  [
    String.raw`\b(?:myths?|gimmicks?|scams?|frauds?|fraudulent|bogus|snake oil|hype|hyped|overhyped|buzzwords?|pseudoscience|quackery)\b`,
    String.raw`\b(?:no|little|scant|weak|insufficient|limited) (?:solid |good |real |scientific |clinical |reliable |conclusive |published )?(?:evidence|proof|data)\b`,
    String.raw`\b(?:not|never been|isn'?t|aren'?t) (?:been )?(?:proven|backed by|supported by)\b`,
    String.raw`\bunproven\b`,
    String.raw`\btoo good to be true\b`,
    String.raw`\bmarketing (?:ploy|claims?|speak|hype|gimmick|language|buzz|spin|trick)\b`,
    String.raw`\b(?:debunk|debunked|debunking|misleading|exaggerated|overstated|red flags?)\b`,
    String.raw`\b(?:sceptical|skeptical|scepticism|skepticism|beware|caveat emptor)\b`,
    String.raw`\bso-called\b`,
    String.raw`\b(?:waste of money|not worth (?:it|the money)|smoke and mirrors|fantasy|nonsense|false claims|misinformation|lack of evidence|jury is (?:still )?out|no such thing)\b`,
    String.raw`\b(?:don'?t|doesn'?t|do not|does not|won'?t|will not|cannot|can'?t) (?:really )?(?:work|survive|penetrate)\b`,
  ].join('|'),
  'giu',
);

/** A price: a currency sign and an amount, or an amount and a currency code. */
const PRICE_START = /^[$€£¥₩\d]/u;

/**
 * The words before a price in running prose, where a writer tells what something costs ("a £430 serum", "costs
 * about $1,000", "paying up to $20,000") rather than a shop or a clinic asking it ("Price: $49", "Now $39",
 * "from £25", a price on a line of its own, "Exosome Facial £430" on a price list). A country prefix (US$, AU$)
 * is skipped. The word before must be lower case: prose, not a heading or a menu.
 */
const PROSE_BEFORE = /(?<![\p{L}'’])(?!(?:price|prices|now|only|from|just|was|sale|save|for|is|at)\s+(?:[A-Z]{1,2})?$)\p{Ll}[\p{L}'’]*\s+(?:[A-Z]{1,2})?$/u;

/** Whether a SELLING match at `index` is a price told in prose, which sells nothing. */
function priceInProse(text: string, index: number, match: string): boolean {
  return PRICE_START.test(match) && PROSE_BEFORE.test(text.slice(Math.max(0, index - 24), index).split('\n').pop()!);
}

export interface VoiceCues {
  selling: number;
  arguing: number;
}

/** How many cues of each kind are enough to tell the voice: counting stops there. */
export const VOICE_CAP = 8;

/** How often the page sells and argues; a few words of each are enough, so counting stops early. */
export function voiceCues(text: string): VoiceCues {
  const count = (re: RegExp, cap: number, skip?: (index: number, match: string) => boolean) => {
    let n = 0;
    re.lastIndex = 0;
    while (n < cap) {
      const m = re.exec(text);
      if (m === null) break;
      if (!skip?.(m.index, m[0])) n++;
    }
    return n;
  };
  return { selling: count(SELLING, VOICE_CAP, (index, match) => priceInProse(text, index, match)), arguing: count(ARGUING, VOICE_CAP) };
}

/**
 * The page's voice from its cues: a critic argues at least twice and outweighs any selling more than twice
 * over; a seller sells; anything else is neutral (its sentences are judged one by one, as always).
 */
export function pageVoice({ selling, arguing }: VoiceCues): PageVoice {
  if (arguing >= 2 && arguing > 2 * selling) return 'critic';
  if (selling >= 1) return 'seller';
  return 'neutral';
}
