/**
 * The "Cytokine Facts" label proposed in seed 003: like a nutrition-facts panel, what a page lists, grouped
 * by class, and which way the list tilts between inflammatory and anti-inflammatory signals. Plain data,
 * so the same label reaches the popup, the JSON report and the printed one.
 */
import { CLASS_LABELS, CYTOKINE_CLASSES, type CompiledLexicon, type CytokineClass, type CytokineMention, type ListedCytokine } from './lexicon-types.ts';

export type BalanceVerdict = 'net inflammatory' | 'net anti-inflammatory' | 'balanced' | 'no inflammatory signals listed';

/** One class on the label. */
export interface CytokineGroup {
  class: CytokineClass;
  /** Heading, e.g. `Growth factors`. */
  label: string;
  /** In order of first mention. */
  cytokines: ListedCytokine[];
}

/** Which way the listed signals tilt. */
export interface CytokineBalance {
  /** Pro-inflammatory entries listed (each counted once, however often it is named). */
  proInflammatory: number;
  /** Anti-inflammatory entries listed. */
  antiInflammatory: number;
  /** (pro − anti) / (pro + anti), rounded to two decimals: +1 all inflammatory, −1 all anti-inflammatory, 0 when neither. */
  net: number;
  verdict: BalanceVerdict;
}

export interface CytokineFacts {
  /** Only the classes the page lists, in the fixed order of `CYTOKINE_CLASSES`. */
  groups: CytokineGroup[];
  balance: CytokineBalance;
  /** What the label can and cannot say. */
  note: string;
}

/** Within this distance of zero the list is called balanced: 3 against 2 is not a tilt worth a verdict. */
export const BALANCED_WITHIN = 0.2;

export const FACTS_NOTE =
  'A listing is not a measurement: this counts the cytokines the page names, not how much of each the product ' +
  'holds or whether they are still active. Classes come from the Claimlens cytokine lexicon (textbook immunology ' +
  'and the seed documents); only pro- and anti-inflammatory entries count towards the balance.';

/** The entries named in the text, each once, with how often it was named, in order of first mention. */
export function listCytokines(mentions: readonly Pick<CytokineMention, 'id'>[], lexicon: Pick<CompiledLexicon, 'entries'>): ListedCytokine[] {
  const entries = new Map(lexicon.entries.map((e) => [e.id, e]));
  const listed = new Map<string, ListedCytokine>();
  for (const mention of mentions) {
    const known = listed.get(mention.id);
    if (known) {
      known.mentions++;
      continue;
    }
    const entry = entries.get(mention.id);
    if (entry) listed.set(entry.id, { id: entry.id, name: entry.name, class: entry.class, mentions: 1 });
  }
  return [...listed.values()];
}

/** The label for the listed cytokines, or null when the page names none. */
export function cytokineFacts(listed: readonly ListedCytokine[]): CytokineFacts | null {
  if (listed.length === 0) return null;
  const groups = CYTOKINE_CLASSES.map((c) => ({ class: c, label: CLASS_LABELS[c], cytokines: listed.filter((l) => l.class === c) }));
  const proInflammatory = listed.filter((l) => l.class === 'pro-inflammatory').length;
  const antiInflammatory = listed.filter((l) => l.class === 'anti-inflammatory').length;
  const counted = proInflammatory + antiInflammatory;
  const net = counted === 0 ? 0 : Math.round(((proInflammatory - antiInflammatory) / counted) * 100) / 100;
  const verdict: BalanceVerdict =
    counted === 0
      ? 'no inflammatory signals listed'
      : net > BALANCED_WITHIN
        ? 'net inflammatory'
        : net < -BALANCED_WITHIN
          ? 'net anti-inflammatory'
          : 'balanced';
  return {
    groups: groups.filter((g) => g.cytokines.length > 0).map((g) => ({ ...g, cytokines: g.cytokines.map((c) => ({ ...c })) })),
    balance: { proInflammatory, antiInflammatory, net: net === 0 ? 0 : net, verdict },
    note: FACTS_NOTE,
  };
}
