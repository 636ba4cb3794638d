'use client';

import { useRouter } from 'next/navigation';
import type { TargetView } from '@/lib/services/targets/target-view';
import { useCertificatePin } from '@/lib/hooks/use-databases';
import { FormErrorSummary } from '../../../_components/form-error-summary';
import type { WithheldCredential } from './credential-withheld';

interface Props {
  target: TargetView;
  withheld: WithheldCredential | null;
  /** may pin a certificate (the service checks again) */
  isAdmin: boolean;
}

/**
 * Says that Posture kept the credential from a server it could not verify, and how to fix it: the CA bundle, the
 * TLS server name, or (admins) trusting the served key. Also shows an existing pin, which admins may remove.
 */
export function CredentialWithheldBanner({ target, withheld, isAdmin }: Props) {
  const router = useRouter();
  const pin = useCertificatePin(target.id);
  const act = (value: string | null) => pin.mutate(value, { onSuccess: () => router.refresh() });
  if (!withheld && !target.tlsPinSha256) return null;
  // Trusted since the last scan: the next scan logs in, so say that rather than offer the button again.
  const trustedSince = withheld !== null && withheld.spkiSha256 !== null && withheld.spkiSha256 === target.tlsPinSha256;
  return (
    <section className={withheld ? 'alert alert-warn' : 'alert'} aria-labelledby="withheld-heading">
      <h2 id="withheld-heading" className="alert-title">
        {withheld ? 'Credential withheld' : 'Pinned server key'}
      </h2>
      {withheld ? (
        <>
          <p>
            Posture did not send the login to this server: {withheld.reason}. {withheld.checkIds.length} checks that need the login report
            “error” until this is fixed.
          </p>
          <p className="small">
            To fix it, set the CA bundle that issued the server&apos;s certificate (Edit → CA bundle), or the TLS server name the certificate is
            for when you connect by address. {isAdmin ? 'If you know this server, trust its key:' : 'An admin can also trust this server’s key.'}
          </p>
          {trustedSince ? (
            <p className="small" role="status">
              This key is now trusted: the next scan logs in.
            </p>
          ) : null}
        </>
      ) : (
        <p className="small">
          The probe login also trusts the server key <code className="fingerprint">{target.tlsPinSha256}</code>, whatever its certificate chain says.
        </p>
      )}
      {withheld?.spkiSha256 ? (
        <p className="small">
          Served key (SHA-256 of its SubjectPublicKeyInfo): <code className="fingerprint">{withheld.spkiSha256}</code>
        </p>
      ) : null}
      <FormErrorSummary error={pin.error} rest={[]} />
      {isAdmin ? (
        <div className="form-actions">
          {withheld?.spkiSha256 && withheld.spkiSha256 !== target.tlsPinSha256 ? (
            <button type="button" className="btn btn-primary" disabled={pin.isPending} onClick={() => act(withheld.spkiSha256)}>
              {pin.isPending ? 'Saving…' : 'Trust this certificate'}
            </button>
          ) : null}
          {target.tlsPinSha256 ? (
            <button type="button" className="btn" disabled={pin.isPending} onClick={() => act(null)}>
              Remove pin
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
