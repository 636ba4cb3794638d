/** Store keys of the two sign-in limits; the email is normalised the way the login form's schema does. */
export const loginThrottleKeys = {
  account: (email: string) => `login:account:${email.trim().toLowerCase()}`,
  address: (address: string) => `login:ip:${address}`,
};
