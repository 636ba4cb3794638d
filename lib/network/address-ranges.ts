/** Never reachable from a probe, whatever an admin allows: link-local, cloud metadata services, and non-unicast. */
export const blockedRanges: readonly { cidr: string; why: string }[] = [
  { cidr: '169.254.0.0/16', why: 'link-local (cloud metadata at 169.254.169.254, ECS at 169.254.170.2)' },
  { cidr: '100.100.100.200/32', why: 'the Alibaba Cloud metadata service' },
  { cidr: '168.63.129.16/32', why: 'the Azure WireServer' },
  { cidr: '192.0.0.192/32', why: 'the Oracle Cloud legacy metadata service' },
  { cidr: '0.0.0.0/8', why: 'unspecified ("this host")' },
  { cidr: '224.0.0.0/4', why: 'multicast' },
  { cidr: '240.0.0.0/4', why: 'reserved or broadcast' },
  { cidr: 'fe80::/10', why: 'IPv6 link-local' },
  { cidr: 'fd00:ec2::254/128', why: 'the AWS IPv6 metadata service' },
  { cidr: '::/128', why: 'unspecified' },
  { cidr: 'ff00::/8', why: 'IPv6 multicast' },
];

/** Loopback and private ranges: allowed by default, narrowed by the admin's allow-list (Setting network.policy). */
export const privateRanges: readonly string[] = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '198.18.0.0/15',
  '::1/128',
  'fc00::/7',
  'fec0::/10',
];
