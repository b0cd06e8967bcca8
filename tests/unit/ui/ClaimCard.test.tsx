// @vitest-environment happy-dom
// The card as a component: data in, callbacks out, page text as text, keyboard first.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import axe from 'axe-core';
import { ClaimCard, type ClaimCardProps } from '../../../src/ui/ClaimCard.tsx';

const RULE: ClaimCardProps['rule'] = {
  id: 'living-stem-cells',
  title: 'Living stem cells in the product',
  severity: 'misleading',
  claim: 'The cream contains live stem cells.',
  explanation: 'Living cells cannot survive in a jar.',
  ask: 'Which ingredient holds the living cells?',
  sources: [{ title: 'Cytokine Facts', seed: '003_072484d7e9901298.txt', anchor: 'there are no cells in the cream' }],
};

function renderCard(props: Partial<ClaimCardProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const callbacks = { onClose: vi.fn(), onNext: vi.fn(), onPrevious: vi.fn(), onHide: vi.fn(), onMute: vi.fn() };
  // act() flushes effects (focus moves in an effect), as the browser would after paint.
  void act(() => render(<ClaimCard rule={RULE} text="live stem cells" index={1} total={3} {...callbacks} {...props} />, container));
  const card = container.querySelector<HTMLElement>('[role="dialog"]')!;
  const button = (label: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(label) || b.getAttribute('aria-label') === label)!;
  const key = (k: string) => card.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  return { container, card, button, key, ...callbacks };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ClaimCard', () => {
  it('shows verdict, title, quote, claim, why, question and sources', () => {
    const { card } = renderCard();
    const text = card.textContent;
    for (const part of ['Misleading', RULE.title, '“live stem cells”', RULE.claim, RULE.explanation, RULE.ask, 'Cytokine Facts', '“there are no cells in the cream”']) {
      expect(text).toContain(part);
    }
  });

  it('shows the words that triggered the rule', () => {
    const { card } = renderCard({ why: 'contains live stem cells' });
    const terms = [...card.querySelectorAll('dt')].map((dt) => dt.textContent);
    expect(terms).toContain('Words that triggered it');
    expect(card.querySelector('.why')!.textContent).toBe('contains live stem cells');
    document.body.innerHTML = '';
    expect(renderCard().card.querySelector('.why')).toBeNull();
  });

  it('names a rule of the shopper\'s as theirs, quoting their citation only when there is one', () => {
    const own = { ...RULE, sources: [{ title: 'Your rule', seed: '', anchor: '' }] };
    expect(renderCard({ rule: own }).card.querySelector('.sources')!.textContent).toBe('Your rule');
    document.body.innerHTML = '';
    const cited = { ...RULE, sources: [{ title: 'Your rule', seed: '', anchor: 'My own note' }] };
    expect(renderCard({ rule: cited }).card.querySelector('.sources')!.textContent).toBe('Your rule: “My own note”');
  });

  it('is a labelled dialog described by its verdict', () => {
    const { card } = renderCard();
    expect(card.getAttribute('aria-labelledby')).toBe('claimlens-card-title');
    expect(document.getElementById('claimlens-card-title')!.textContent).toBe(RULE.title);
    expect(document.getElementById('claimlens-card-verdict')!.textContent).toBe('Misleading claim');
  });

  it('renders page text as text, never as markup', () => {
    const { card } = renderCard({ text: '<img src=x onerror=alert(1)>live stem cells' });
    expect(card.querySelector('img')).toBeNull();
    expect(card.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('takes focus when it opens', () => {
    const { card } = renderCard();
    expect(document.activeElement).toBe(card);
  });

  it('closes on Escape and on its close button', () => {
    const { key, button, onClose } = renderCard();
    key('Escape');
    button('Close').click();
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('moves with N and P and with its buttons', () => {
    const { key, button, onNext, onPrevious } = renderCard();
    key('n');
    key('P');
    button('Next').click();
    button('Previous').click();
    expect(onNext).toHaveBeenCalledTimes(2);
    expect(onPrevious).toHaveBeenCalledTimes(2);
  });

  it('leaves modified keys to the browser', () => {
    const { card, onNext } = renderCard();
    card.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true, bubbles: true }));
    expect(onNext).not.toHaveBeenCalled();
  });

  it('disables next and previous when the page has one claim', () => {
    const { button } = renderCard({ total: 1 });
    expect(button('Next').disabled).toBe(true);
    expect(button('Previous').disabled).toBe(true);
  });

  it('offers to hide a claim that is not one', () => {
    const { button, onHide } = renderCard();
    button('Not a claim? Hide it').click();
    expect(onHide).toHaveBeenCalledOnce();
  });

  it('offers to switch the claim\'s rule off', () => {
    const { button, onMute, onHide } = renderCard();
    button("Don't show claims like this").click();
    expect(onMute).toHaveBeenCalledOnce();
    expect(onHide).not.toHaveBeenCalled();
  });

  it('has no axe violations', async () => {
    const { container } = renderCard();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
