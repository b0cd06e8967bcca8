/**
 * Finds what hides a claim and reveals it the way the page itself would, through standard markup only: a
 * closed <details> is opened, an inactive ARIA tab is activated, a collapsed disclosure button
 * (`aria-expanded="false"` with `aria-controls`) is clicked. Anything hidden without such a control is
 * reported as hidden, never forced open: restyling a page we do not understand could break it.
 */

/** One thing to do to show a claim, outermost first. */
export type RevealStep =
  | { kind: 'details'; element: HTMLDetailsElement }
  | { kind: 'tab'; panel: Element; control: HTMLElement }
  | { kind: 'disclosure'; region: Element; control: HTMLElement };

export interface RevealPlan {
  steps: RevealStep[];
  /** Something hides the claim that no standard control opens. */
  blocked: boolean;
}

/** `visible`: nothing to do; `revealed`: the page was asked to show it; `hidden`: it cannot be shown. */
export type RevealOutcome = 'visible' | 'revealed' | 'hidden';

/** Walks from the claim up to the document (through slots and shadow hosts) and lists what hides it. */
export function planReveal(range: Range): RevealPlan {
  const steps: RevealStep[] = [];
  // A hidden element that no control above it (or on it) explains.
  let unexplained: Element | null = null;
  const start = range.startContainer;
  let child: Node = start;
  for (let el = start.nodeType === 1 ? (start as Element) : start.parentElement; el; child = el, el = flatParent(el)) {
    if (!unexplained && hides(el)) unexplained = el;
    const step = stepFor(el, child);
    if (!step) continue;
    steps.unshift(step);
    // A control explains the hiding of its own region, and of anything inside it that the page's stylesheet
    // hides (which may follow the region's state), but not of an element inside hidden by its own attribute.
    if (unexplained && (unexplained === el || !hidesItself(unexplained))) unexplained = null;
  }
  return { steps, blocked: unexplained !== null };
}

/** Carries out the plan, outermost first, re-checking each step in case an earlier one already did it. */
export function revealRange(range: Range): { outcome: RevealOutcome; steps: RevealStep[] } {
  const { steps, blocked } = planReveal(range);
  if (blocked) return { outcome: 'hidden', steps: [] };
  if (steps.length === 0) return { outcome: 'visible', steps };
  for (const step of steps) {
    if (step.kind === 'details') {
      // As a click on its summary would, and the page's `toggle` listeners hear it.
      if (!step.element.open) step.element.open = true;
    } else if (step.kind === 'tab') {
      if (step.control.getAttribute('aria-selected') !== 'true') press(step.control, true);
    } else if (step.control.getAttribute('aria-expanded') === 'false') {
      press(step.control, false);
    }
  }
  return { outcome: 'revealed', steps };
}

/**
 * Resolves once the range is rendered and not hidden by style (the page may update on a later frame, as
 * frameworks do), or false after `frames` animation frames.
 */
export function whenShown(range: Range, frames = 60): Promise<boolean> {
  return new Promise((done) => {
    const check = (left: number) => {
      if (isShown(range)) done(true);
      else if (left <= 0) done(false);
      else requestAnimationFrame(() => check(left - 1));
    };
    check(frames);
  });
}

/** Whether the claim can be seen: it has boxes, and (where the browser can tell) no style hides it. */
export function isShown(range: Range): boolean {
  const rects = range.getClientRects();
  if (![...rects].some((r) => r.width > 0 && r.height > 0)) return false;
  const start = range.startContainer;
  const el = start.nodeType === 1 ? (start as Element) : start.parentElement;
  // checkVisibility: Chrome 105+, Firefox 106+; without it the boxes alone decide.
  return !el || typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });
}

function stepFor(el: Element, child: Node): RevealStep | null {
  if (el.localName === 'details') {
    const details = el as HTMLDetailsElement;
    // The summary of a closed <details> still shows.
    const summary = [...details.children].find((c) => c.localName === 'summary');
    return !details.open && child !== summary ? { kind: 'details', element: details } : null;
  }
  const root = el.getRootNode() as Document | ShadowRoot;
  if (el.getAttribute('role') === 'tabpanel') {
    const tab = tabFor(el, root);
    if (tab && tab.getAttribute('aria-selected') !== 'true') return { kind: 'tab', panel: el, control: tab };
  }
  if (el.id) {
    const control = [...root.querySelectorAll<HTMLElement>('[aria-expanded="false"][aria-controls]')].find((c) => controls(c, el.id));
    if (control) return { kind: 'disclosure', region: el, control };
  }
  return null;
}

/** The tab that names the panel in `aria-controls`, or the one the panel's `aria-labelledby` names. */
function tabFor(panel: Element, root: Document | ShadowRoot): HTMLElement | null {
  if (panel.id) {
    const tab = [...root.querySelectorAll<HTMLElement>('[role="tab"][aria-controls]')].find((t) => controls(t, panel.id));
    if (tab) return tab;
  }
  for (const id of tokens(panel.getAttribute('aria-labelledby'))) {
    const label = root.getElementById(id);
    if (label?.getAttribute('role') === 'tab') return label;
  }
  return null;
}

const controls = (control: Element, id: string) => tokens(control.getAttribute('aria-controls')).includes(id);
const tokens = (value: string | null) => (value ?? '').split(/\s+/).filter(Boolean);

/**
 * Acts as a pointer would. Tab widgets differ on the event they listen for (some select on mousedown, most on
 * click); selecting a tab twice changes nothing, so a tab gets the whole sequence. A disclosure toggles, so it
 * gets exactly one click.
 */
function press(control: HTMLElement, fullSequence: boolean): void {
  if (fullSequence) {
    const init = { bubbles: true, cancelable: true, composed: true, button: 0 };
    for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) {
      const Ctor = type.startsWith('pointer') && typeof PointerEvent === 'function' ? PointerEvent : MouseEvent;
      control.dispatchEvent(new Ctor(type, init));
    }
    // Stopping at a tab that a mousedown already selected keeps a click-toggling widget from toggling back.
    if (control.getAttribute('aria-selected') === 'true') return;
  }
  control.click();
}

/** Whether the element itself is out of the rendering: the `hidden` attribute, or a style that hides it. */
function hides(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(el);
  return style.display === 'none' || style.visibility === 'hidden' || style.getPropertyValue('content-visibility') === 'hidden';
}

/** Hidden by its own attribute or inline style, which no ancestor's state changes. */
function hidesItself(el: Element): boolean {
  const inline = (el as HTMLElement).style;
  return el.hasAttribute('hidden') || inline?.display === 'none' || inline?.visibility === 'hidden';
}

/** The parent in the flat tree: a slotted node's slot, else its parent, else its shadow root's host. */
function flatParent(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host ?? null);
}
