/** How long a sign-in lasts, counted from the sign-in itself: the JWT and its session row end together. */
export const sessionLifetimeSeconds = 12 * 60 * 60;
