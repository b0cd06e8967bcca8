/**
 * Finds a product's ingredient list in a page's extracted text (block boundaries are line breaks) and reads
 * it into ingredients with their order and offsets. Lists come after a heading or label ("Ingredients",
 * "Full ingredients:", "INCI:", "Inactive ingredients"), on the same line or in the next block, or, with no
 * heading at all, as one long comma-separated run of INCI names. Pages write them every way: "Water (Aqua)",
 * "Aqua/Water/Eau", "Niacinamide 5%", footnote marks ("Aloe Barbadensis Leaf Juice*", "*organic"), "may
 * contain (+/-): CI 77891", commas inside parentheses, a trailing period, "and" before the last item, one
 * ingredient per bullet. Never throws; the work is bounded however large or strange the page.
 */
import type { Ingredient, IngredientList } from './inci-types.ts';

/** How many headings are tried on one page, and how much of the text after each is read. */
const MAX_HEADINGS = 40;
const MAX_LIST_CHARS = 20_000;
const MAX_LIST_LINES = 300;
const MAX_INGREDIENTS = 400;
/** Lines longer than this are not read as a headless list (a minified blob of text is not a list). */
const MAX_HEADLESS_LINE = 20_000;
/** A list needs at least this many names after a heading, or this many without one. */
const MIN_WITH_HEADING = 2;
const MIN_WITHOUT_HEADING = 8;
/** A name longer than this, in words, is prose, not an INCI name. */
const MAX_NAME_WORDS = 12;

/**
 * A heading at the start of a block: "Ingredients", "Full ingredients:", "INCI", "Ingredient list",
 * "Inactive ingredients", "Ingrédients". "Key ingredients" and the like name highlights, not the list, and
 * are left out by requiring the heading to start its block.
 */
const HEADING_AT_BLOCK =
  /(?:^|\n)[ \t]*((?:(?:full|complete|all|inactive|other)[ \t]+)?(?:ingredients?(?:[ \t]+list)?|ingr[ée]dients|inci(?:[ \t]+list)?|composition)(?:[ \t]*\/[ \t]*(?:ingr[ée]dients?|inci|zutaten|ingredientes))?(?:[ \t]*\((?:inci)\))?)[ \t]*(?:[:：]|[-–—](?=[ \t])|(?=\n|$)|(?=[ \t]))/giu;
/** A label inside a block: "… Full ingredients: Water, …". */
const LABEL_IN_BLOCK = /(?<![\p{L}\p{N}])((?:(?:full|complete|inactive)[ \t]+)?(?:ingredients|inci)(?:[ \t]*\((?:inci)\))?)[ \t]*[:：]/giu;
/** Words before "ingredients" that make it a list of highlights rather than the full list. */
const HIGHLIGHT_WORDS = /(?:key|hero|star|main|featured|signature|power|powerhouse|active|our|clean|natural|free)[ \t]*$/iu;

/** "may contain", "(+/-)", "[+/-: …]": colours and the like that shades of one product may or may not hold. */
const MAY_CONTAIN = /^[[(]?\s*(?:may\s+contain|peut\s+contenir|\+\s*\/\s*-|±)\s*(?:\(\s*\+\s*\/\s*-\s*\)\s*)?[:：]?\s*/iu;
const MAY_CONTAIN_BRACKET = /^[[(]\s*(?:may\s+contain|peut\s+contenir|\+\s*\/\s*-\s*[:：\]]|±)/iu;
const FOOTNOTE_MARKS = /[*†‡§¹²³]+$/u;
/** An item that is a footnote's text ("*organic", "** naturally occurring", "*Certified organic ingredient"). */
const FOOTNOTE_ITEM = /^[*†‡§¹²³]+\s*(?:[\p{Ll}]|(?:certified|organic|natural|naturally|from|ingredients?|derived|bio)\b)/u;
const BULLET = /^(?:[•·▪◦‣∙●○■□–—]|[-*](?=\s))\s*/u;
/** A percentage after the name: "Niacinamide 5%", "Niacinamide (5%)", "Niacinamide 0,5 %". */
const PERCENT_AFTER = /\s*(?:\(\s*)?(\d{1,3}(?:[.,]\d+)?)\s*%\s*\)?$/u;
const PERCENT_BEFORE = /^(\d{1,3}(?:[.,]\d+)?)\s*%\s+/u;
/** Words that appear in sentences but not in INCI names. */
const PROSE_WORDS = /\b(?:is|are|was|were|our|your|you|we|the|this|that|these|it|its|will|can|helps?|made|contains?|free|please|see|click|read|more|discover|shop|buy)\b/iu;
/** The commonest INCI names: a run without a heading must hold one, so a list of marketing words never passes. */
const COMMON_INCI = /^(?:water|aqua|eau|glycerin|butylene glycol|propanediol|pentylene glycol|1,2-hexanediol|phenoxyethanol|ethylhexylglycerin|xanthan gum|carbomer|tocopherol|dimethicone|squalane|cetearyl alcohol|sodium hyaluronate|citric acid|sodium benzoate|potassium sorbate|disodium edta|caprylyl glycol|parfum|fragrance|niacinamide|panthenol|allantoin)\b/iu;

/**
 * The ingredient list of the page, or null when it has none. When several candidates are found, a list after
 * a heading wins over one without, and the longer list wins among equals.
 */
export function findIngredientList(text: string): IngredientList | null {
  try {
    return findList(typeof text === 'string' ? text : '');
  } catch {
    // A page is never worth an exception; this is only reached by a bug, and no list is the safe answer.
    return null;
  }
}

function findList(text: string): IngredientList | null {
  let best: IngredientList | null = null;
  const consider = (list: IngredientList | null) => {
    if (list && (!best || list.ingredients.length > best.ingredients.length)) best = list;
  };
  let tried = 0;
  const seen = new Set<number>();
  for (const regex of [HEADING_AT_BLOCK, LABEL_IN_BLOCK]) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m !== null && tried < MAX_HEADINGS; m = regex.exec(text)) {
      if (m[0].length === 0) regex.lastIndex++;
      const headingStart = m.index + m[0].indexOf(m[1]!);
      if (regex === LABEL_IN_BLOCK && HIGHLIGHT_WORDS.test(text.slice(Math.max(0, headingStart - 20), headingStart))) continue;
      const bodyStart = m.index + m[0].length;
      if (seen.has(bodyStart)) continue;
      seen.add(bodyStart);
      tried++;
      consider(readList(text, bodyStart, m[1]!.trim(), MIN_WITH_HEADING));
    }
  }
  if (best) return best;
  // No heading: look for one long comma-separated line of INCI names.
  let lineStart = 0;
  let lines = 0;
  while (lineStart < text.length && lines < 100_000) {
    lines++;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const length = lineEnd - lineStart;
    if (length <= MAX_HEADLESS_LINE && countCommas(text, lineStart, lineEnd) >= MIN_WITHOUT_HEADING - 1) {
      const list = readList(text, lineStart, null, MIN_WITHOUT_HEADING, lineEnd);
      if (list && list.ingredients.some((i) => COMMON_INCI.test(i.name)) && titleCaseShare(list.ingredients) >= 0.8) consider(list);
    }
    lineStart = lineEnd + 1;
  }
  return best;
}

function countCommas(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 44) n++;
  return n;
}

/** The share of names whose words start with a capital or a digit (INCI names are written in title case). */
function titleCaseShare(ingredients: readonly Ingredient[]): number {
  const titled = ingredients.filter((i) => isTitleCase(i.name));
  return ingredients.length === 0 ? 0 : titled.length / ingredients.length;
}

/** Every word starts with a capital or a digit, as INCI names are written ("sh-" and short words aside). */
function isTitleCase(name: string): boolean {
  return name
    .split(/[\s/()-]+/)
    .filter((w) => /^\p{L}/u.test(w))
    .every((w) => /^\p{Lu}/u.test(w) || /^(?:sh|rh|and|of|de|et)$/iu.test(w) || w.length <= 2);
}

/** Headings that follow a bulleted list on product pages; a bullet list of names stops at one. */
const SECTION_HEADING = /^(?:how|directions|apply|application|usage|use|warnings?|caution|benefits|description|details|reviews?|customer|customers|ratings?|questions?|shipping|delivery|returns|faq|about|results|key|size|price|related|similar|share|add|write|sign|subscribe|newsletter|store|storage|made|pairs?)\b/iu;

/** One item of the list before it is cleaned: offsets into the text. */
interface RawItem {
  start: number;
  end: number;
}

/**
 * Reads the list that starts at `from` (after a heading, or at a line's start): the rest of the heading's
 * line if it holds text, else the next block; then the blocks that continue it. Returns null when what was
 * read does not look like an ingredient list.
 */
function readList(text: string, from: number, heading: string | null, min: number, hardEnd?: number): IngredientList | null {
  const limit = Math.min(text.length, hardEnd ?? from + MAX_LIST_CHARS);
  // Start at the first non-blank character, moving to the next block if the heading's line is empty.
  let start = from;
  while (start < limit && /[ \t\u00a0:：\-–—\n\r]/u.test(text[start]!)) start++;
  if (start >= limit) return null;
  const lines = splitLines(text, start, limit);
  if (lines.length === 0) return null;
  const first = lines[0]!;
  const firstText = text.slice(first.start, first.end);
  const bulletMode = !/[,;]/.test(firstText) && looksLikeName(stripBullet(firstText.trim())) && isTitleCase(stripBullet(firstText.trim()));
  const body: RawItem[] = [];
  if (bulletMode) {
    // One ingredient per block: keep taking blocks while they read as single names.
    for (const line of lines.slice(0, MAX_LIST_LINES)) {
      const t = text.slice(line.start, line.end).trim();
      if (t.length === 0) continue;
      if (FOOTNOTE_ITEM.test(t) || MAY_CONTAIN.test(t)) {
        if (MAY_CONTAIN.test(t)) body.push(...splitItems(text, line.start, line.end).items);
        continue;
      }
      const name = stripBullet(t);
      if (/[,;]/.test(t) || !looksLikeName(name) || !isTitleCase(name) || SECTION_HEADING.test(name)) break;
      body.push({ start: line.start, end: line.end });
    }
    if (body.length < Math.max(3, min)) return null;
  } else {
    let previous = '';
    for (const [i, line] of lines.slice(0, MAX_LIST_LINES).entries()) {
      const t = text.slice(line.start, line.end).trim();
      if (t.length === 0) continue;
      // A later block continues the list only when the one before ended mid-list (on a comma), or it is a
      // "may contain" or footnote block; a block that starts afresh is something else.
      if (i > 0 && !/[,;]$/.test(previous) && !/^[,;]/.test(t) && !MAY_CONTAIN.test(t) && !FOOTNOTE_ITEM.test(t)) break;
      const { items, stopped } = splitItems(text, line.start, line.end);
      body.push(...items);
      previous = t;
      if (stopped !== undefined || body.length >= MAX_INGREDIENTS) break;
    }
  }
  const ingredients = cleanItems(text, body);
  if (ingredients.length < min) return null;
  const named = ingredients.filter((i) => looksLikeName(i.name)).length;
  if (named / ingredients.length < 0.8) return null;
  // Trailing prose swallowed into the list ("… Phenoxyethanol. Made in France") is cut off at the first non-name.
  const cut = ingredients.findIndex((i) => !looksLikeName(i.name));
  const kept = cut < 0 ? ingredients : ingredients.slice(0, cut);
  if (kept.length < min) return null;
  return { start: kept[0]!.start, end: kept[kept.length - 1]!.end, heading, ingredients: kept };
}

function splitLines(text: string, from: number, to: number): RawItem[] {
  const out: RawItem[] = [];
  let s = from;
  while (s < to && out.length <= MAX_LIST_LINES) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > to) e = to;
    out.push({ start: s, end: e });
    s = e + 1;
  }
  return out;
}

/**
 * Cuts one line of a list into items at commas, semicolons and bullets outside parentheses. A period followed
 * by a space and a capital (or the line's end) ends the list, unless what follows is "may contain" or a
 * footnote; `stopped` is then the offset where the list ends.
 */
function splitItems(text: string, from: number, to: number): { items: RawItem[]; stopped?: number } {
  const items: RawItem[] = [];
  let depth = 0;
  let itemStart = from;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    // "[+/-: CI 77891, CI 77492]" is a list within the list, not a parenthesis inside a name.
    if ((c === '[' || c === '(') && MAY_CONTAIN_BRACKET.test(text.slice(i, i + 20))) continue;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if ((c === ')' || c === ']' || c === '}') && depth > 0) depth--;
    else if (depth === 0 && (c === ',' || c === ';' || c === '•' || c === '·' || c === '|')) {
      // A comma between digits belongs to the name ("1,2-Hexanediol").
      if (c === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      items.push({ start: itemStart, end: i });
      itemStart = i + 1;
    } else if (depth === 0 && c === '.' && !/\d/.test(text[i + 1] ?? '') && /[\s]|$/.test(text[i + 1] ?? '')) {
      items.push({ start: itemStart, end: i });
      const rest = text.slice(i + 1, Math.min(to, i + 60)).trimStart();
      if (rest.length === 0) return { items };
      if (MAY_CONTAIN.test(rest) || /^[*†‡§¹²³]/u.test(rest)) {
        itemStart = i + 1;
        continue;
      }
      return { items, stopped: i };
    }
    // A parenthesis left open for long is a stray one: read on as if it were closed.
    if (depth > 0 && i - itemStart > 300) depth = 0;
  }
  items.push({ start: itemStart, end: to });
  return { items };
}

/** Trims each item to the name as written, and reads its marks, percentage and "may contain" status. */
function cleanItems(text: string, raw: readonly RawItem[]): Ingredient[] {
  const out: Ingredient[] = [];
  let mayContain = false;
  for (const item of raw) {
    if (out.length >= MAX_INGREDIENTS) break;
    let s = item.start;
    let e = item.end;
    const slice = () => text.slice(s, e);
    const trim = () => {
      while (s < e && /\s/u.test(text[s]!)) s++;
      while (e > s && /[\s.:：]/u.test(text[e - 1]!)) e--;
    };
    trim();
    if (s >= e) continue;
    if (FOOTNOTE_ITEM.test(slice())) continue;
    const may = MAY_CONTAIN.exec(slice());
    if (may) {
      mayContain = true;
      s += may[0].length;
      trim();
    }
    // A "[+/-: CI 77891, CI 77491]" bracket closes after its last item.
    if (mayContain && /^[[(]/.test(slice()) && !/[\])]$/.test(slice())) {
      s++;
      trim();
    }
    if (mayContain && /[\]]$/.test(slice()) && !slice().includes('[')) {
      e--;
      trim();
    }
    if (mayContain && /[)]$/.test(slice()) && !slice().includes('(')) {
      e--;
      trim();
    }
    const bullet = BULLET.exec(slice());
    if (bullet) {
      s += bullet[0].length;
      trim();
    }
    const and = /^(?:and|&|et)\s+/iu.exec(slice());
    if (and) {
      s += and[0].length;
      trim();
    }
    let footnote: string | undefined;
    let percent: number | undefined;
    for (let pass = 0; pass < 2; pass++) {
      const marks = FOOTNOTE_MARKS.exec(slice());
      if (marks && marks[0].length < slice().length) {
        footnote = marks[0] + (footnote ?? '');
        e -= marks[0].length;
        trim();
      }
      const after = PERCENT_AFTER.exec(slice());
      if (after && after.index > 0 && percent === undefined) {
        percent = Number(after[1]!.replace(',', '.'));
        e -= after[0].length;
        trim();
      }
    }
    const before = PERCENT_BEFORE.exec(slice());
    if (before && percent === undefined && before[0].length < slice().length) {
      percent = Number(before[1]!.replace(',', '.'));
      s += before[0].length;
      trim();
    }
    if (s >= e || !/\p{L}/u.test(slice())) continue;
    const name = slice();
    const ingredient: Ingredient = { position: out.length + 1, name, start: s, end: e, normalised: normaliseName(name), mayContain };
    if (percent !== undefined && Number.isFinite(percent)) ingredient.percent = percent;
    if (footnote) ingredient.footnote = footnote;
    out.push(ingredient);
  }
  return out;
}

/** Lower case, one space between words, every dash a hyphen-minus, typographic quotes plain. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function stripBullet(s: string): string {
  return s.replace(BULLET, '');
}

/** Could this be one INCI name? Short, starts like a name, and free of the words sentences are made of. */
function looksLikeName(name: string): boolean {
  if (name.length === 0 || name.length > 160) return false;
  if (!/^[\p{L}\p{N}(]/u.test(name)) return false;
  if (name.split(/\s+/).length > MAX_NAME_WORDS) return false;
  if (/[!?]/.test(name)) return false;
  return !PROSE_WORDS.test(name);
}
