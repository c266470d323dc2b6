/** The home page's path of a prospect's record (dashboard.html#/record/<id>); the background opens it too. */
export const recordPath = (prospectId: string) => `/record/${encodeURIComponent(prospectId)}`;
