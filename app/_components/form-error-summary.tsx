import type { ErrorDetail } from '@/lib/errors/app-error';
import { ApiError } from '@/lib/hooks/api-error';

/** The form-level part of an API error: its message plus any details no field claimed. */
export function FormErrorSummary({ error, rest }: { error: Error | null; rest?: ErrorDetail[] }) {
  if (!error) return null;
  // When every detail sits next to its field, a pointer reads better than a generic "Invalid input".
  const allPlaced = error instanceof ApiError && error.details.length > 0 && (rest?.length ?? 0) === 0;
  return (
    <div className="alert alert-error" role="alert">
      <p>{allPlaced ? 'Some fields need fixing; see the messages next to them.' : error.message}</p>
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
