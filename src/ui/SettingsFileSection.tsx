/**
 * "Move your settings": export the settings as a file, import one back, and, when an imported file allows sites
 * this browser has not, ask for them. Presentational: what happened comes in as props, actions go out.
 */
export type SettingsFileOutcome =
  | { kind: 'refused'; fileName: string; problems: readonly string[] }
  | { kind: 'imported'; fileName: string; summary: string; sitesToAllow: readonly string[] };

export interface SettingsFileSectionProps {
  outcome: SettingsFileOutcome | null;
  /** What the last action did, read out politely ("Saved claimlens-settings-….json."). */
  status: string;
  onExport: () => void;
  onImport: (file: File) => void;
  /** Asks the browser for the imported file's sites; must run in the click itself (a permission request needs it). */
  onAllowSites: () => void;
}

export function SettingsFileSection({ outcome, status, onExport, onImport, onAllowSites }: SettingsFileSectionProps) {
  return (
    <section class="panel settings-file" aria-labelledby="settings-file-heading">
      <h2 id="settings-file-heading">Move your settings</h2>
      <p class="hint" id="settings-file-hint">
        Save your settings as one file (paused and allowed sites, rules switched off, what to show, your own rules and the
        claims you hid) and import it here or in another browser. Importing replaces the settings in force; a file with a
        problem changes nothing.
      </p>
      <div class="row actions">
        <button type="button" onClick={onExport}>
          Export settings
        </button>
      </div>
      <label for="settings-file-input">Import a settings file</label>
      <input
        id="settings-file-input"
        type="file"
        accept="application/json,.json"
        aria-describedby={outcome?.kind === 'refused' ? 'settings-file-problems settings-file-hint' : 'settings-file-hint'}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Cleared, so choosing the same file again (after fixing it) is a change too.
          input.value = '';
          if (file) onImport(file);
        }}
      />
      {outcome?.kind === 'refused' && (
        <div class="problems" id="settings-file-problems" role="alert">
          <p class="problem-title">
            Not imported: {outcome.fileName} has {outcome.problems.length === 1 ? 'a problem' : `${outcome.problems.length} problems`}. Nothing
            was changed.
          </p>
          <ul>
            {outcome.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'imported' && outcome.sitesToAllow.length > 0 && (
        <div class="allow-sites">
          <p id="allow-sites-title">The file lets Claimlens check these sites, which this browser has not allowed yet:</p>
          <ul class="site-list" aria-labelledby="allow-sites-title">
            {outcome.sitesToAllow.map((site) => (
              <li key={site}>
                <span class="site">{site}</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={onAllowSites}>
            Allow these sites
          </button>
        </div>
      )}
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
