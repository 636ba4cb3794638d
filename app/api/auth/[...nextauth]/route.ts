import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/auth-options';
import { withLoginThrottle } from '@/lib/auth/with-login-throttle';

const handler = withLoginThrottle(NextAuth(authOptions));

export { handler as GET, handler as POST };
