/** The sites where Claimlens is paused: a list with a remove button each, and a field to add one. */
import { useState } from 'preact/hooks';
import { siteFromInput } from '../settings/settings.ts';

export interface PausedSitesProps {
  sites: readonly string[];
  onAdd: (site: string) => void;
  onRemove: (site: string) => void;
}

export function PausedSites({ sites, onAdd, onRemove }: PausedSitesProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(draft);
    if (site === null) {
      setProblem(`"${draft.trim()}" is not a web address or hostname, e.g. shop.example.com`);
      return;
    }
    setProblem(null);
    setDraft('');
    if (!sites.includes(site)) onAdd(site);
  };

  return (
    <section class="panel" aria-labelledby="paused-heading">
      <h2 id="paused-heading">Paused sites</h2>
      <p class="hint">Claimlens reads nothing and underlines nothing on these sites.</p>
      {sites.length === 0 ? (
        <p class="empty">Claimlens is on everywhere.</p>
      ) : (
        <ul class="site-list" aria-label="Paused sites">
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" class="secondary" onClick={() => onRemove(site)} aria-label={`Resume Claimlens on ${site}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={submit}>
        <label for="add-site-input">Pause on a site</label>
        <div class="row">
          <input
            id="add-site-input"
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="shop.example.com"
            value={draft}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'add-site-problem' : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <button type="submit">Pause</button>
        </div>
        {problem && (
          <p id="add-site-problem" class="problem">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
