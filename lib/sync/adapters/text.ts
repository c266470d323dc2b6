/** Text for CRM fields rendered as HTML (HubSpot note and call bodies, Pipedrive notes): page text stays text. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
