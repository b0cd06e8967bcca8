/**
 * Words too frequent on product pages to be prefilter triggers: scanning for them would make most sentences
 * candidates and feed compromise the whole page (the bench showed 11,940 of 12,000 sentences). English
 * function words and frequent verbs, plus the everyday vocabulary of skincare copy.
 */
const ENGLISH = `a about above after again against all almost also although always am among an and another any are
around as at away back be because been before being below best better between both but by came can cannot come
could day days did do does doing done down during each either enough even ever every few first for from full
further get gets give gives go goes going good got great had has have having he her here hers him his how however i
if in into is it its itself just keep keeps know last least less let like little long look looks made make makes
many may me more most much must my near need needs never new next no nor not now of off often on once one only or
other our ours out over own part per put rather really right same see seem seems several she should show shows
since so some still such take takes than that the their them then there these they thing things this those
though through till to today together too toward under until up upon us use used uses using very want was way we
well were what when where whether which while who whole why will with within without would year years yet you
your yours`;

const SKINCARE = `absorb absorbs absorbing active actives apply applied applying beauty benefit benefits body boost boosts bottle
bright brighter care clean clear clinically complexion contains cream creams daily dermatologist dry effect
effects face facial feel feels fine formula formulated fragrance free fresh gel gentle glow glowing hair help
helps hydrate hydrated hydrating hydration ingredient ingredients lines look looking lotion mask moisture
moisturiser moisturizer natural night oil oily perfect plant pores product products radiant result results
routine sensitive serum serums skin skins smooth soft softer suitable support supports texture tested tone
treatment visible visibly water wrinkles young younger youthful`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(`${ENGLISH} ${SKINCARE}`.split(/\s+/).filter(Boolean));

/**
 * Words that are no skincare claim's own but frequent in ordinary pages (documentation, shops, news): a pattern
 * may still need one, but the prefilter prefers any rarer required term, and a rule whose `requires` needs only
 * rarer words is prefiltered on those. Without this, "version", "source", "start" and "end" woke the first look
 * on most ordinary pages.
 */
const EVERYDAY = `version versions source sources copy copies start starts started end ends ended equivalent form
forms formed adding add adds added maximum basic top root roots loaded load appear appears appeared replace
replaced replaces replacing signal signals identical nothing generation speed high higher highest derived turn
turns turned guarantee guaranteed finish finishes finished taking taken entirely factor factors fill filled
filling fills padding reverse reversed restore restores restored deliver delivers delivered purely deep deeper
preserved preserve volume alive level levels stable original originally origin real actually directly`;

export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(EVERYDAY.split(/\s+/).filter(Boolean));
