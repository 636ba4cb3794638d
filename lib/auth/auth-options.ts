import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { verifyLogin } from '../services/auth/verify-login';
import { usesSecureCookies } from './uses-secure-cookies';

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}


/** JWT sessions (required by the credentials provider); revocation is enforced per request via sessionVersion. */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/login', error: '/login' },
  useSecureCookies: usesSecureCookies(),
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
      },
      async authorize(credentials) {
        const user = await verifyLogin(credentials ?? {});
        return user ? { id: user.id, email: user.email, role: user.role, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; sessionVersion?: number };
        token.uid = u.id;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session }) {
      return session;
    },
  },
};
