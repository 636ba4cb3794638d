import type { CheckDefinition } from '../check-definition';
import { engineTlsSettings } from './engine-tls-settings';
import { tlsProfileFor } from './mozilla-tls-profiles';
import { tlsScanVerdict } from './tls-scan-verdict';

export const tlsMozillaProfileCheck: CheckDefinition = {
  id: 'tls.mozilla_profile',
  title: "Protocols and suites within Mozilla's server-side TLS profile",
  area: 'tls',
  severity: 'medium',
  why: "Mozilla's server-side TLS guidelines are the common yardstick for a TLS listener: intermediate (TLS 1.2 and 1.3, forward-secret AEAD suites, DHE of 2048 bits or more) suits nearly every client; modern (TLS 1.3 only) suits fleets whose clients are all recent. Each protocol or suite outside the profile is attack surface no client needs.",
  evaluate: (obs) =>
    tlsScanVerdict(obs, (t) => {
      const profile = tlsProfileFor(obs.tags, obs.tlsProfile);
      const protocols = t.protocols.filter((p) => !profile.protocols.includes(p));
      const suites = Object.entries(t.cipherSuites).flatMap(([version, names]) => {
        const allowed = version === 'TLSv1.3' ? profile.tls13Suites : profile.tls12Suites;
        return version === 'TLSv1.2' || version === 'TLSv1.3' ? (names ?? []).filter((n) => !(allowed as readonly string[]).includes(n)).map((n) => `${n} (${version})`) : [];
      });
      const weakDh = t.dhPrimeBits !== null && (profile.dhMinBits === null || t.dhPrimeBits < profile.dhMinBits) ? t.dhPrimeBits : null;
      const missing = profile.protocols.some((p) => t.protocols.includes(p)) ? [] : [...profile.protocols];
      const evidence = {
        profile: profile.name,
        protocols: t.protocols,
        protocolsOutsideProfile: protocols,
        suitesOutsideProfile: suites,
        dhPrimeBits: t.dhPrimeBits,
        groupsOutsideProfile: t.groups.filter((g) => !profile.groups.includes(g)),
      };
      const problems = [
        ...(protocols.length ? [`protocols ${protocols.join(', ')}`] : []),
        ...(suites.length ? [`${suites.length} suite${suites.length === 1 ? '' : 's'} (${suites.slice(0, 3).join(', ')}${suites.length > 3 ? ', …' : ''})`] : []),
        ...(weakDh !== null ? [`DHE with a ${weakDh}-bit prime`] : []),
        ...(missing.length && t.protocols.length ? [`none of ${missing.join(', ')}`] : []),
      ];
      if (t.protocols.length === 0) return { status: 'skip', summary: 'no TLS protocol was accepted', evidence };
      if (problems.length > 0) return { status: 'fail', summary: `outside Mozilla ${profile.name}: ${problems.join('; ')}`, evidence };
      return { status: 'pass', summary: `${t.protocols.join(' and ')} with suites of Mozilla ${profile.name} only`, evidence };
    }),
  remediation: `Compare the listener with the profile:
  sslscan --starttls-psql <host>:<port>   (or --no-starttls for the other engines)

Configure Mozilla's intermediate profile (for modern, accept TLS 1.3 only; tag the target tls-profile:modern, or set POSTURE_TLS_PROFILE=modern for the fleet):
${engineTlsSettings}`,
  compliance: [
    { framework: 'PCI-DSS', control: '4.2.1' },
    { framework: 'SOC 2', control: 'CC6.7' },
  ],
};
