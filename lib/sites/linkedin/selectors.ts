/**
 * Every LinkedIn selector Touchline uses, with the DOM it was seen in. Prefer the data LinkedIn embeds for
 * itself (`code[id^="bpr-guid"]` JSON, `data-view-name`, `data-event-urn`) over class names; never UI text.
 */
export const LINKEDIN = {
  /** 2025-03: server-rendered API responses embedded as JSON for the page's own hydration. */
  embeddedData: 'code[id^="bpr-guid"]',
  profileName: ['main h1', '.pv-top-card h1'],
  profileHeadline: ['.pv-top-card .text-body-medium', 'main section:first-of-type .text-body-medium'],
  profileLocation: ['.pv-top-card .text-body-small.inline', 'main section:first-of-type .text-body-small'],
  /** 2025-03: an entry in the Experience card. */
  experienceEntry: '[data-view-name="profile-component-entity"]',
  /** 2025-03: people search result rows. */
  searchResult: ['.reusable-search__result-container', 'li:has(> .entity-result)'],
  searchResultLink: 'a[href*="/in/"]',
  searchResultName: '.entity-result__title-text a span[aria-hidden="true"]',
  searchResultHeadline: '.entity-result__primary-subtitle',
  searchResultLocation: '.entity-result__secondary-subtitle',
  /** 2025-03: the open conversation. */
  messagingThread: '[data-view-name="message-thread"], .msg-thread',
  messagingProfileLink: '.msg-thread__link-to-profile, .msg-title-bar a[href*="/in/"]',
  messagingTitle: '.msg-entity-lockup__entity-title',
  messagingHeadline: '.msg-entity-lockup__entity-info',
  messageEvent: '[data-event-urn]',
  messageAuthorLink: 'a.msg-s-message-group__profile-link, a[href*="/in/"]',
} as const;
