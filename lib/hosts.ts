/** The only sites Touchline reads. Content-script matches, host permissions and the sender check share them. */
export const GMAIL_ORIGIN = 'https://mail.google.com';
export const LINKEDIN_ORIGIN = 'https://www.linkedin.com';
export const GMAIL_MATCHES = [`${GMAIL_ORIGIN}/*`];
export const LINKEDIN_MATCHES = [`${LINKEDIN_ORIGIN}/*`];
export const HOST_MATCHES = [...GMAIL_MATCHES, ...LINKEDIN_MATCHES] as const;
export const CONTENT_ORIGINS: readonly string[] = [GMAIL_ORIGIN, LINKEDIN_ORIGIN];
