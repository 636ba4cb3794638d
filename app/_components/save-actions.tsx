/** A settings form's submit button, with "Saved" announced once the save went through. */
export function SaveActions({ label, pending, saved }: { label: string; pending: boolean; saved: boolean }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? 'Saving…' : label}
      </button>
      {saved && !pending ? (
        <span className="success-text" role="status">
          Saved
        </span>
      ) : null}
    </div>
  );
}
