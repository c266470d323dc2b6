export type LinkedInPageKind = 'profile' | 'company' | 'messaging' | 'search' | 'sales-navigator' | 'other';

export function linkedinPageKind(url: string): LinkedInPageKind {
  const path = new URL(url).pathname;
  if (/^\/in\/[^/]+\/?$/.test(path)) return 'profile';
  if (path.startsWith('/company/')) return 'company';
  if (path.startsWith('/messaging/')) return 'messaging';
  if (path.startsWith('/search/results/people')) return 'search';
  if (path.startsWith('/sales/')) return 'sales-navigator';
  return 'other';
}
