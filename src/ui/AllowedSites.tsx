/** The sites the shopper allowed one by one (options page), each with a button that withdraws it. */
export interface AllowedSitesProps {
  sites: readonly string[];
  onRevoke: (site: string) => void;
}

export function AllowedSites({ sites, onRevoke }: AllowedSitesProps) {
  return (
    <div class="allowed-sites">
      <h3 id="allowed-sites-heading">Allowed sites</h3>
      {sites.length === 0 ? (
        <p class="empty">No site yet. On a shop, click the Claimlens button and choose "Always check".</p>
      ) : (
        <ul class="site-list" aria-labelledby="allowed-sites-heading">
          {sites.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button type="button" class="secondary" onClick={() => onRevoke(site)} aria-label={`Stop checking ${site}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
