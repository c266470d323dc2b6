export type LinkedInPageKind =
  | 'profile'
  | 'company'
  | 'company-people'
  | 'connections'
  | 'messaging'
  | 'search'
  | 'sales-lead'
  | 'sales-list'
  | 'sales-navigator'
  | 'other';

/** What kind of page a URL is; only the path counts (no query, no UI text). */
export function linkedinPageKind(url: string): LinkedInPageKind {
  const path = new URL(url).pathname;
  // Profile overlays (/in/<slug>/overlay/contact-info/) keep the profile underneath.
  if (/^\/in\/[^/]+(\/overlay\/[^/]+)?\/?$/.test(path)) return 'profile';
  if (/^\/company\/[^/]+\/people\/?$/.test(path)) return 'company-people';
  if (path.startsWith('/company/')) return 'company';
  if (path.startsWith('/mynetwork/invite-connect/connections')) return 'connections';
  if (path.startsWith('/messaging/')) return 'messaging';
  if (path.startsWith('/search/results/people')) return 'search';
  if (path.startsWith('/sales/lead/') || path.startsWith('/sales/people/')) return 'sales-lead';
  if (path.startsWith('/sales/lists/people') || path.startsWith('/sales/search/people')) return 'sales-list';
  if (path.startsWith('/sales/')) return 'sales-navigator';
  return 'other';
}

/** Pages that list many people: the sidebar offers bulk capture there. */
export function isListPage(kind: string): boolean {
  return kind === 'search' || kind === 'sales-list' || kind === 'company-people' || kind === 'connections';
}
