/** The first-run page: what Claimlens does, then the choice of where it checks pages (passed in as children). */
import type { ComponentChildren } from 'preact';

export interface WelcomePageProps {
  children: ComponentChildren;
  onOpenOptions: () => void;
}

export function WelcomePage({ children, onOpenOptions }: WelcomePageProps) {
  return (
    <main class="options welcome">
      <header class="page-header">
        <h1>Welcome to Claimlens</h1>
        <p>
          Claimlens underlines doubtful claims about stem cells, cytokines, growth factors, exosomes and PRP on skincare
          pages, and explains each one when you click it. It reads pages on this computer and sends nothing anywhere.
        </p>
        <p>It has no access to any website yet. Choose where it may check pages:</p>
      </header>
      {children}
      <p class="hint">
        You can change this at any time in{' '}
        <button type="button" class="link-button" onClick={onOpenOptions}>
          Claimlens settings
        </button>
        , or in your browser's own settings for extensions.
      </p>
    </main>
  );
}
