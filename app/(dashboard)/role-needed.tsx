'use client';

import { usePathname } from 'next/navigation';
import { requiredPageRole } from '@/lib/access/page-roles';
import { useCurrentRole } from '../_components/current-role';

/** "This page needs the admin role; you are signed in as a viewer", from the path and the session's role. */
export function RoleNeeded() {
  const needed = requiredPageRole(usePathname());
  const current = useCurrentRole();
  const article = (role: string) => (/^[aeiou]/.test(role) ? 'an' : 'a');
  return (
    <p>
      {needed ? `This page needs the ${needed} role` : 'Your role may not open this page'}
      {current ? `; you are signed in as ${article(current)} ${current}.` : '.'}
    </p>
  );
}
