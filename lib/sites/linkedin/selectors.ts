/**
 * Every LinkedIn selector Touchline uses, with the DOM it was seen in. Prefer the data LinkedIn embeds for
 * itself (`code[id^="bpr-guid"]` JSON, `data-view-name`, `data-event-urn`, Sales Navigator's
 * `data-anonymize`) over class names; never UI text (LinkedIn ships dozens of languages).
 * Arrays list variants, newest last; tests/sites/linkedin-selectors.test.ts counts each on every fixture.
 */
export const LINKEDIN = {
  /** 2025-03: server-rendered API responses embedded as JSON for the page's own hydration. */
  embeddedData: 'code[id^="bpr-guid"]',
  /**
   * 2025-04 (real pages): the top card is `main section.artdeco-card[data-member-id]` and does not carry
   * `pv-top-card` (older pages and our 2025-03 fixtures do); everything of the member's own is read inside it.
   */
  profileTopCard: ['main section[data-member-id]', 'main .pv-top-card', '.pv-top-card'],
  /** Inside the top card; its class is generated on 2025-04 pages (text-heading-xlarge on 2024-07). */
  profileName: ['h1'],
  /** 2025-04: the headline line under the name; it also carries data-generated-suggestion-target. */
  profileHeadline: ['.text-body-medium.break-words', '[data-generated-suggestion-target]', '.text-body-medium'],
  profileLocation: ['.text-body-small.inline.t-black--light.break-words', '.text-body-small.inline'],
  /** 2025-04: the top card's current-company button (a list item under the headline). */
  profileTopCompany: ['ul li button[aria-label] .inline-show-more-text--is-collapsed', 'ul li button[aria-label]'],
  /** 2025-04: the contact-info link names the profile's own /in/<slug>/ even when the URL is an ACoAA one. */
  profileContactInfo: 'a[href*="/overlay/contact-info"]',
  /** 2025-04: every card is section[data-view-name="profile-card"]; Experience is the one holding div#experience. */
  experienceAnchor: '#experience',
  /** Cards before Experience (Highlights, Activity, Featured, About) use entities too: a fallback only. */
  profileCard: 'main section[data-view-name="profile-card"]',
  experienceEntry: '[data-view-name="profile-component-entity"]',
  experienceSubComponents: '.pvs-entity__sub-components',
  experienceNested: '.pvs-entity__sub-components [data-view-name="profile-component-entity"]',
  experienceBold: '.t-bold span[aria-hidden="true"]',
  experienceSubtitle: '.t-14.t-normal:not(.t-black--light) span[aria-hidden="true"]',
  experienceCaption: '.pvs-entity__caption-wrapper, .t-14.t-normal.t-black--light > span[aria-hidden="true"]',
  /** 2025-03: emails a member shows (contact-info overlay, About text links). */
  mailto: 'a[href^="mailto:"]',
  /**
   * People lists, newest first (the first variant is the primary one; a later one counts as a fallback).
   * 2025: every search result is [data-view-name="search-entity-result-universal-template"] carrying
   * data-chameleon-result-urn="urn:li:member:<n>"; class names are generated. 2025-03: .entity-result rows.
   */
  searchResult: [
    '[data-view-name="search-entity-result-universal-template"], [data-chameleon-result-urn^="urn:li:member:"]',
    '.reusable-search__result-container, li:has(> .entity-result)',
  ],
  /** A company's People tab (/company/<slug>/people/), 2025: member cards; or search-shaped results. */
  companyPeopleCard: [
    'li.org-people-profile-card__profile-card-spacing, .org-people-profile-card, [data-view-name="search-entity-result-universal-template"], [data-chameleon-result-urn^="urn:li:member:"]',
  ],
  /** My Network > Connections, 2025-04 (SDUI markup, generated classes): one card per connection. */
  connectionCard: ['[data-view-name="connections-list"]', 'li.mn-connection-card'],
  /** The vanity profile links of a card; /in/ACoAA... links in a card are mutual connections, not results. */
  listProfileLink: 'a[href*="/in/"]',
  /** The visible name inside a result's profile link (its visually hidden twin says "View X's profile"). */
  listName: ['span[aria-hidden="true"]', '.artdeco-entity-lockup__title', '.entity-result__title-text'],
  listHeadline: ['.entity-result__primary-subtitle', '.artdeco-entity-lockup__subtitle', '.t-14.t-black.t-normal'],
  listLocation: ['.entity-result__secondary-subtitle', '.t-14.t-normal:not(.t-black)'],
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
  /** 2025-04 (real pages): a bubble's header element may carry a generated class; its __details child keeps its. */
  overlayProfileLink: '.msg-overlay-bubble-header a[href*="/in/"], .msg-overlay-bubble-header__details a[href*="/in/"], header a[href*="/in/"]',
  overlayTitle: '.msg-overlay-bubble-header__title',
  overlayHeadline: '.msg-overlay-bubble-header__subtitle',
  messageEvent: '[data-event-urn]',
  messageAuthorLink: 'a.msg-s-message-group__profile-link, a[href*="/in/"]',
  messageBody: '.msg-s-event-listitem__body',
  messageTime: 'time.msg-s-message-group__timestamp',
  /** 2025-03: the day heading that precedes the first message of a day. */
  messageDayHeading: 'time.msg-s-message-list__time-heading',
  /**
   * Where people are rendered; the watcher observes these subtrees and nothing else. 2025-04 (real pages):
   * the chat overlay is rendered some time after load (or never), outside `main`.
   */
  contentRoots: ['main', '#msg-overlay'],
  /**
   * Where LinkedIn mounts a content root that is not there yet. While one is missing the watcher observes
   * the child lists (never the subtrees) of the body and of these. Seen on the real 2024-07 and 2025-04 saves:
   * the overlay in `.application-outlet__overlay-container`, itself under the body, `.application-outlet` or
   * an ember-view wrapper of either; `main` under `.application-outlet` > `.authentication-outlet` >
   * `#profile-content` > `.scaffold-layout*` wrappers, or (SDUI pages, generated classes) a few plain divs
   * deep under `#root`.
   */
  contentRootParents: [
    '.application-outlet',
    'body > .ember-view',
    '.application-outlet > .ember-view',
    '.application-outlet__overlay-container',
    '.authentication-outlet',
    '#profile-content',
    '#profile-content > .body',
    '.scaffold-layout',
    '.scaffold-layout__inner',
    '.scaffold-layout__row',
    '#root',
    '#root > div',
    '#root > div > div',
    '#root > div > div > div',
  ],
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
