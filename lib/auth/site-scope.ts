// Pure: which sites an actor may act on. An administrator administers exactly the sites on their own
// account (UserSite); there is no organisation-wide administrator. Used by authorize.ts (pages and
// routes) and by admin-scope.ts (the data functions), so both decide the same way.
export type SiteScopedActor = { id: string; email: string; role: string; siteIds: readonly string[] };

/** True when every one of `siteIds` is on the actor's account. An empty list is nobody's (fails closed). */
export const administers = (actor: { siteIds: readonly string[] }, siteIds: readonly string[]): boolean =>
  siteIds.length > 0 && siteIds.every((s) => actor.siteIds.includes(s));
