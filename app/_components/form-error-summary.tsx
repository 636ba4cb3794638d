import type { ErrorDetail } from '@/lib/errors/app-error';

/** The form-level part of an API error: its message plus any details no field claimed. */
export function FormErrorSummary({ error, rest }: { error: Error | null; rest?: ErrorDetail[] }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{error.message}</p>
      {rest && rest.length > 0 ? (
        <ul>
          {rest.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              <code>{d.path}</code> {d.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
