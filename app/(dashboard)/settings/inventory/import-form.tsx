'use client';

import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { ApiError } from '@/lib/hooks/api-error';
import { useInventoryImport, type InventoryImportResult } from '@/lib/hooks/use-inventory-import';

const count = (v: number | string[] | undefined) => (Array.isArray(v) ? v.length : (v ?? 0));

export function ImportForm() {
  const router = useRouter();
  const [yaml, setYaml] = useState('');
  const [allowLiteral, setAllowLiteral] = useState(false);
  const importer = useInventoryImport();
  const apiError = importer.error instanceof ApiError ? importer.error : null;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (file) setYaml(await file.text());
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    importer.mutate({ yaml, allowLiteralPasswords: allowLiteral }, { onSuccess: () => router.refresh() });
  }

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading" className="card-title">
        Import
      </h2>
      <p className="muted small">
        Adds new databases and updates existing ones by name; nothing is deleted. Try <code>examples/inventory.yaml</code>.
      </p>
      <form onSubmit={submit} className="stack" noValidate>
        <div className="field">
          <label htmlFor="inventory-file">YAML file</label>
          <input id="inventory-file" type="file" accept=".yaml,.yml,text/yaml,application/yaml" onChange={onFile} />
        </div>
        <div className={`field${apiError ? ' field-invalid' : ''}`}>
          <label htmlFor="inventory-yaml">Inventory YAML</label>
          <textarea
            id="inventory-yaml"
            name="yaml"
            rows={14}
            spellCheck={false}
            className="mono"
            value={yaml}
            onChange={(e) => setYaml(e.target.value)}
            aria-describedby={apiError ? 'import-errors' : undefined}
          />
        </div>
        <div className="checkbox">
          <input id="allow-literal" type="checkbox" checked={allowLiteral} onChange={(e) => setAllowLiteral(e.target.checked)} />
          <label htmlFor="allow-literal">Allow literal passwords</label>
          <span className="field-hint">Passwords written in the file are stored encrypted; prefer passwordFromEnv or passwordFromSecret.</span>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={importer.isPending || yaml.trim() === ''}>
            {importer.isPending ? 'Importing…' : 'Import'}
          </button>
        </div>
      </form>
      {importer.data ? <ImportResult result={importer.data} /> : null}
      {importer.error ? (
        <div className="alert alert-error" role="alert" id="import-errors">
          <p>{importer.error.message}</p>
          {apiError && apiError.details.length > 0 ? (
            <ul>
              {apiError.details.map((d, i) => (
                <li key={i}>
                  <code>{d.path}</code> {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ImportResult({ result }: { result: InventoryImportResult }) {
  const names = (v: number | string[] | undefined) => (Array.isArray(v) && v.length ? `: ${v.join(', ')}` : '');
  return (
    <div className="alert alert-ok" role="status">
      <p>
        Imported — {count(result.created)} created, {count(result.updated)} updated, {count(result.unchanged)} unchanged.
      </p>
      {Array.isArray(result.created) || Array.isArray(result.updated) ? (
        <ul className="small">
          {count(result.created) ? <li>Created{names(result.created)}</li> : null}
          {count(result.updated) ? <li>Updated{names(result.updated)}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
