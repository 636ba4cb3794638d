import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '../env';
import { endAuthSession } from '../services/auth/end-auth-session';
import { startAuthSession } from '../services/auth/start-auth-session';
import { clientAddress } from './client-address';
import { safeCallbackPath } from './safe-callback-path';
import { contextForToken } from '../services/auth/context-for-token';
import { sessionLifetimeSeconds } from '../access/session-lifetime';
import { throttledSignIn } from './throttled-sign-in';
import { usesSecureCookies } from './uses-secure-cookies';

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    /** the AuthSession row this JWT belongs to */
    sid?: string;
  }
}

/** next-auth hands authorize() the request headers as a plain object. */
const headersOf = (raw: Record<string, unknown> | undefined) =>
  new Headers(Object.entries(raw ?? {}).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])));

/**
 * JWT sessions (required by the credentials provider), each backed by an AuthSession row that sign-out revokes;
 * revocation is enforced per request (contextForToken), as is the user's sessionVersion.
 */
export const authOptions: NextAuthOptions = {
  // Read when next-auth handles a request, not at import (a build has no environment).
  get secret() {
    return env().NEXTAUTH_SECRET;
  },
  session: { strategy: 'jwt', maxAge: sessionLifetimeSeconds },
  pages: { signIn: '/login', error: '/login' },
  useSecureCookies: usesSecureCookies(),
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials, req) {
        const address = clientAddress(headersOf(req.headers), env().POSTURE_TRUSTED_PROXIES);
        const user = await throttledSignIn(credentials, address);
        return user ? { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sessionVersion?: number };
        token.uid = u.id;
        token.sv = u.sessionVersion;
        token.sid = await startAuthSession(u.id);
      } else if (!(await contextForToken(token))) {
        // /api/auth/session with an ended session: next-auth answers {} and clears the cookie.
        throw new Error('This session has ended (signed out, expired or revoked)');
      }
      return token;
    },
    session({ session }) {
      return session;
    },
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
  // One line per event, the message only: next-auth's own logger prints whole objects and stacks.
  logger: {
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : metadata.error;
      console.error(`[auth] ${code}: ${error instanceof Error ? error.message : 'error'}`);
    },
    warn(code) {
      console.warn(`[auth] ${code}`);
    },
    debug() {},
  },
  events: {
    async signOut({ token }) {
      await endAuthSession(token);
    },
  },
};
