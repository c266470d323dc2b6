/**
 * The most people one page shows (a 100-result search, a long thread). The background refuses a bigger
 * lookup from a content script as a bulk pull; the runtime never asks for more. Kept free of zod.
 */
export const PAGE_PEOPLE_MAX = 120;

/** The most prospects one bulk request of the home's list names; a longer selection goes in pages of this. */
export const BULK_MAX = 500;
