/**
 * Every LinkedIn selector Touchline uses, with the DOM it was seen in. Prefer the data LinkedIn embeds for
 * itself (`code[id^="bpr-guid"]` JSON, `data-view-name`, `data-event-urn`, Sales Navigator's
 * `data-anonymize`) over class names; never UI text (LinkedIn ships dozens of languages).
 * Arrays list variants, newest last; tests/sites/linkedin-selectors.test.ts counts each on every fixture.
 */
export const LINKEDIN = {
  /** 2025-03: server-rendered API responses embedded as JSON for the page's own hydration. */
  embeddedData: 'code[id^="bpr-guid"]',
  profileName: ['main h1', '.pv-top-card h1'],
  profileHeadline: ['.pv-top-card .text-body-medium', 'main section:first-of-type .text-body-medium'],
  profileLocation: ['.pv-top-card .text-body-small.inline', 'main section:first-of-type .text-body-small'],
  /** 2025-03: an entry in the Experience card; several roles at one company nest entries in sub-components. */
  experienceEntry: '[data-view-name="profile-component-entity"]',
  experienceNested: '.pvs-entity__sub-components [data-view-name="profile-component-entity"]',
  experienceBold: '.t-bold span[aria-hidden="true"]',
  experienceSubtitle: '.t-14.t-normal:not(.t-black--light) span[aria-hidden="true"]',
  /** 2025-03: emails a member shows (contact-info overlay, About text links). */
  mailto: 'a[href^="mailto:"]',
  /** 2025-03: people search result rows. */
  searchResult: ['.reusable-search__result-container', 'li:has(> .entity-result)'],
  searchResultLink: 'a[href*="/in/"]',
  searchResultName: '.entity-result__title-text a span[aria-hidden="true"]',
  searchResultHeadline: '.entity-result__primary-subtitle',
  searchResultLocation: '.entity-result__secondary-subtitle',
  /** 2025-03: company page top card. */
  companyName: ['.org-top-card-summary__title', 'main h1'],
  companyWebsite: 'a[data-test-id="about-us__website"], .org-top-card-primary-actions a[href^="http"]:not([href*="linkedin.com"])',
  companyIndustry: '.org-top-card-summary-info-list__info-item',
  /** 2025-03: the open conversation on /messaging/. */
  messagingThread: '[data-view-name="message-thread"], .msg-thread',
  messagingProfileLink: '.msg-thread__link-to-profile, .msg-title-bar a[href*="/in/"]',
  messagingTitle: '.msg-entity-lockup__entity-title',
  messagingHeadline: '.msg-entity-lockup__entity-info',
  /** 2025-03: chat bubbles docked at the bottom of every page; opening one leaves the URL alone. */
  overlayContainer: '#msg-overlay, .msg-overlay-container',
  overlayBubble: '.msg-overlay-conversation-bubble',
  overlayProfileLink: '.msg-overlay-bubble-header a[href*="/in/"]',
  overlayTitle: '.msg-overlay-bubble-header__title',
  overlayHeadline: '.msg-overlay-bubble-header__subtitle',
  messageEvent: '[data-event-urn]',
  messageAuthorLink: 'a.msg-s-message-group__profile-link, a[href*="/in/"]',
  messageBody: '.msg-s-event-listitem__body',
  messageTime: 'time.msg-s-message-group__timestamp',
  /** 2025-03: the day heading that precedes the first message of a day. */
  messageDayHeading: 'time.msg-s-message-list__time-heading',
  /** 2025-03: where the page's content is rendered; the watcher observes these, not the whole body. */
  contentRoots: ['main', '#msg-overlay', '.application-outlet'],
  /** Sales Navigator 2025-03: people rows in lead lists and searches; names and links via data-anonymize. */
  salesRow: ['[data-x-search-result="LEAD"]', 'tr.artdeco-models-table-row', 'li.artdeco-list__item:has([data-anonymize="person-name"])'],
  salesLeadLink: 'a[href*="/sales/lead/"]',
  salesName: '[data-anonymize="person-name"]',
  salesHeadline: '[data-anonymize="headline"]',
  salesTitle: '[data-anonymize="title"], [data-anonymize="job-title"]',
  salesCompany: '[data-anonymize="company-name"]',
  salesLocation: '[data-anonymize="location"]',
  /** Sales Navigator 2025-03: the lead page's link to the member's public profile (overflow menu). */
  salesPublicProfileLink: 'a[href*="linkedin.com/in/"]',
} as const;
