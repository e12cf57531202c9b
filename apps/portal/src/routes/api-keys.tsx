import { useEffect, useId, useRef, useState } from 'react';
import { Form, useFetcher, useLoaderData, type ActionFunctionArgs } from 'react-router';
import { BRAND_KEY_SCOPES, type BrandKeyScope } from '@jf/domain';
import { ErrorAlert } from '../components/alert';
import { TextField } from '../components/text-field';
import { useCreateForm } from '../components/use-create-form';
import { formatDateTime } from '../format';
import { brandLoader, useMe } from '../session';
import { issuesFor, toFormError, trpc, type AgentOrganisation, type ApiKey, type FormError } from '../trpc';

const SCOPE_LABELS: Record<BrandKeyScope, { label: string; effect: string }> = {
  read: { label: 'Read', effect: 'IP rights, notices, authentication requests, removals and appeals' },
  file_notices: { label: 'File notices', effect: 'file notices and respond to appeals' },
  answer_auth_requests: { label: 'Answer authentication requests', effect: 'genuine, counterfeit or unsure' },
};

/** Agents (and staff) are refused both lists by the API; the page then says who can manage keys. */
export const apiKeysLoader = brandLoader(
  async (): Promise<{ keys: ApiKey[]; agents: AgentOrganisation[] }> => {
    const [keys, agents] = await Promise.all([trpc.apiKeys.list.query(), trpc.agents.list.query()]);
    return { keys, agents };
  },
);

type CreateResult = { ok: true; name: string; secret: string; id: string } | ({ ok: false } & FormError);
type RevokeResult = { ok: true } | ({ ok: false } & FormError);

/**
 * The create form posts `intent=create`; each key row's revoke button posts `intent=revoke` with an id;
 * each agent row posts `intent=authorise-agent` or `intent=withdraw-agent`.
 */
export async function apiKeysAction({ request }: ActionFunctionArgs): Promise<CreateResult | RevokeResult> {
  const form = await request.formData();
  const intent = form.get('intent');
  try {
    if (intent === 'create') {
      const key = await trpc.apiKeys.create.mutate({
        name: String(form.get('name') ?? ''),
        scopes: form.getAll('scopes').map(String) as BrandKeyScope[],
      });
      return { ok: true, id: key.id, name: key.name, secret: key.secret };
    }
    if (intent === 'revoke') {
      await trpc.apiKeys.revoke.mutate({ id: String(form.get('id') ?? '') });
      return { ok: true };
    }
    if (intent === 'authorise-agent') {
      await trpc.agents.authorise.mutate({ agentId: String(form.get('agentId') ?? '') });
      return { ok: true };
    }
    if (intent === 'withdraw-agent') {
      await trpc.agents.revoke.mutate({ authorisationId: String(form.get('authorisationId') ?? '') });
      return { ok: true };
    }
    return { ok: false, message: 'Unknown action', fieldIssues: {} };
  } catch (error) {
    return { ok: false, ...toFormError(error, ['name', 'scopes']) };
  }
}

export function ApiKeysPage() {
  const me = useMe();
  const data = useLoaderData<typeof apiKeysLoader>();
  if (me.user.role !== 'brand_admin' || data === null) {
    return (
      <>
        <div className="page-header">
          <h1>API keys</h1>
        </div>
        <section className="card narrow">
          <p>Only a brand admin can create and revoke {me.brand!.name}’s API keys. Ask your brand admin for a key.</p>
        </section>
      </>
    );
  }
  return (
    <>
      <div className="page-header">
        <h1>API keys</h1>
        <p className="muted">
          Keys let {me.brand!.name}’s own tools and your brand-protection vendor use the Joint Force REST API for
          you. Give each tool its own key with only the scopes it needs, and revoke a key as soon as it is no longer
          used or may have leaked.
        </p>
      </div>
      <CreateKeyForm />
      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Your keys</h2>
        <KeysTable keys={data.keys} />
      </section>
      <AgentsSection agents={data.agents} brandName={me.brand!.name} />
      <UsingTheApi />
    </>
  );
}

function CreateKeyForm() {
  const { formRef, failure, success, submitting } = useCreateForm<typeof apiKeysAction>();
  const created = success && 'secret' in success ? success : null;
  const scopeErrors = issuesFor(failure?.fieldIssues, 'scopes');
  const scopeErrorId = useId();
  return (
    <section className="card" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create a key</h2>
      {failure && <ErrorAlert>{failure.message}</ErrorAlert>}
      {created && <NewSecret key={created.id} name={created.name} secret={created.secret} />}
      <Form method="post" noValidate className="stack key-form" ref={formRef}>
        <input type="hidden" name="intent" value="create" />
        <TextField
          label="Name"
          name="name"
          autoComplete="off"
          required
          maxLength={200}
          hint="Who or what uses it, e.g. “Brand-protection vendor, filing” or “Nightly rights export”."
          errors={sentences(issuesFor(failure?.fieldIssues, 'name'))}
        />
        <fieldset
          className={`choice-list scope-choices${scopeErrors ? ' field-invalid' : ''}`}
          aria-describedby={scopeErrors ? scopeErrorId : undefined}
        >
          <legend>Scopes</legend>
          <p className="field-hint">At least one. A call outside the key’s scopes is refused.</p>
          {BRAND_KEY_SCOPES.map((scope) => (
            <label key={scope} className="checkbox-label">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'read'} />
              <span>
                {SCOPE_LABELS[scope].label}
                <span className="muted scope-effect">: {SCOPE_LABELS[scope].effect}</span>
              </span>
            </label>
          ))}
          {scopeErrors && (
            <p className="field-error" id={scopeErrorId}>
              {sentences(scopeErrors)!.join('. ')}
            </p>
          )}
        </fieldset>
        <div>
          <button type="submit" className="button button-primary" disabled={submitting}>
            Create key
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The secret, in the create answer only: the platform keeps its hash and cannot show it again. */
function NewSecret({ name, secret }: { name: string; secret: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // Brought into view and focus so the one chance to copy it is not missed below the fold.
  useEffect(() => boxRef.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // Clipboard access can be refused (e.g. insecure origin); the secret stays selectable.
      setCopied(false);
    }
  };
  return (
    <div className="secret-box" role="status" tabIndex={-1} ref={boxRef} aria-labelledby="secret-heading">
      <h3 id="secret-heading">Key “{name}” is created. Copy its secret now</h3>
      <p>
        <strong>You will not see it again.</strong> Joint Force stores only a fingerprint of it. Put it in your
        tool’s secret store; if it is lost, revoke the key and create a new one.
      </p>
      <div className="copy-row">
        <code className="secret-value" aria-label="Secret key">
          {secret}
        </code>
        <button type="button" className="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy secret'}
        </button>
      </div>
      {copied === false && <p className="small">Your browser refused the clipboard: select the key and copy it.</p>}
    </div>
  );
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const formatShortDate = (iso: string): string => shortDate.format(new Date(iso));

function KeysTable({ keys }: { keys: ApiKey[] }) {
  if (keys.length === 0) return <p className="empty muted">No keys yet. Create one above for each tool that calls the API.</p>;
  return (
    <div className="table-wrap">
      <table className="keys-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        {keys.map((key) => (
          <KeyRow key={key.id} apiKey={key} />
        ))}
      </table>
    </div>
  );
}

/**
 * One key, in a row group of its own: revoking asks once more in a row beneath it, because the key's
 * tools stop working at once and a revoked key cannot be restored.
 */
function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const fetcher = useFetcher<RevokeResult>();
  const [confirming, setConfirming] = useState(false);
  const busy = fetcher.state !== 'idle';
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const revoked = apiKey.revokedAt !== null;
  return (
    <tbody className={`row-group${revoked ? ' row-revoked' : ''}`}>
      <tr>
        <th scope="row">{apiKey.name}</th>
        <td className="nowrap">
          <code className="mono">{apiKey.prefix}…</code>
        </td>
        <td>
          <ul className="tag-list">
            {apiKey.scopes.map((scope) => (
              <li key={scope} className="tag">
                {SCOPE_LABELS[scope as BrandKeyScope]?.label ?? scope}
              </li>
            ))}
          </ul>
        </td>
        <td className="nowrap">{formatShortDate(apiKey.createdAt)}</td>
        <td className="nowrap">{formatDateTime(apiKey.lastUsedAt) ?? <span className="muted">Never</span>}</td>
        <td className="nowrap">
          {revoked ? (
            <>
              <span className="badge badge-status-deactivated">Revoked</span>{' '}
              <span className="small">{formatShortDate(apiKey.revokedAt!)}</span>
            </>
          ) : (
            <span className="badge badge-status-active">Active</span>
          )}
        </td>
        <td className="actions">
          {!revoked && !confirming && (
            <button
              type="button"
              className="button button-danger"
              aria-label={`Revoke ${apiKey.name}`}
              onClick={() => setConfirming(true)}
            >
              Revoke
            </button>
          )}
        </td>
      </tr>
      {!revoked && confirming && (
        <tr className="row-confirm">
          <td colSpan={7}>
            <fetcher.Form method="post" className="revoke-confirm">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="id" value={apiKey.id} />
              <p>
                <strong>Revoke “{apiKey.name}”?</strong> Calls with this key are refused at once, and a revoked key
                cannot be restored.
              </p>
              <button type="submit" className="button button-danger" disabled={busy} autoFocus>
                Revoke key
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
                Cancel
              </button>
            </fetcher.Form>
            {failure && !busy && <ErrorAlert>{failure.message}</ErrorAlert>}
          </td>
        </tr>
      )}
    </tbody>
  );
}

/**
 * The agent organisations (law firms, brand-protection vendors) registered with Joint Force, and which of
 * them act for this brand. Either change asks once more in a row beneath the organisation.
 */
function AgentsSection({ agents, brandName }: { agents: AgentOrganisation[]; brandName: string }) {
  return (
    <section className="card" aria-labelledby="agents-heading">
      <h2 id="agents-heading">Agents acting for you</h2>
      <p>
        An agent you authorise can use its own API keys to file notices and read {brandName}’s IP rights, notices,
        authentication requests, removals and appeals, naming {brandName} in the{' '}
        <code className="mono">X-Brand-Id</code> header of each call. Every call is recorded under the agent’s name.
        Withdraw the authorisation and its keys are refused for {brandName} at once.
      </p>
      {agents.length === 0 ? (
        <p className="empty muted">No agent organisation is registered with Joint Force yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="keys-table agents-table">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            {agents.map((agent) => (
              <AgentRow key={agent.id} agent={agent} brandName={brandName} />
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

function AgentRow({ agent, brandName }: { agent: AgentOrganisation; brandName: string }) {
  const fetcher = useFetcher<RevokeResult>();
  const [confirming, setConfirming] = useState(false);
  const busy = fetcher.state !== 'idle';
  const failure = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const authorisation = agent.authorisation;
  // A finished change closes the question; the loader has revalidated the row by then.
  useEffect(() => {
    if (fetcher.state === 'idle' && fetcher.data?.ok) setConfirming(false);
  }, [fetcher.state, fetcher.data]);
  return (
    <tbody className={`row-group${authorisation ? '' : ' row-grant'}`}>
      <tr>
        <th scope="row">{agent.name}</th>
        <td className="nowrap">
          {authorisation ? (
            <>
              <span className="badge badge-status-active">Authorised</span>{' '}
              <span className="small">since {formatShortDate(authorisation.grantedAt)}</span>
            </>
          ) : (
            <span className="muted">Not authorised</span>
          )}
        </td>
        <td className="actions">
          {!confirming && (
            <button
              type="button"
              className={authorisation ? 'button button-danger' : 'button'}
              aria-label={`${authorisation ? 'Withdraw' : 'Authorise'} ${agent.name}`}
              onClick={() => setConfirming(true)}
            >
              {authorisation ? 'Withdraw' : 'Authorise'}
            </button>
          )}
        </td>
      </tr>
      {confirming && (
        <tr className="row-confirm">
          <td colSpan={3}>
            <fetcher.Form method="post" className="revoke-confirm">
              {authorisation ? (
                <>
                  <input type="hidden" name="intent" value="withdraw-agent" />
                  <input type="hidden" name="authorisationId" value={authorisation.id} />
                  <p>
                    <strong>Withdraw {agent.name}’s authorisation?</strong> Its keys are refused for {brandName} at
                    once. You can authorise it again later.
                  </p>
                </>
              ) : (
                <>
                  <input type="hidden" name="intent" value="authorise-agent" />
                  <input type="hidden" name="agentId" value={agent.id} />
                  <p>
                    <strong>Authorise {agent.name}?</strong> Its keys can then file notices and read your data for{' '}
                    {brandName}.
                  </p>
                </>
              )}
              <button
                type="submit"
                className={authorisation ? 'button button-danger' : 'button button-primary'}
                disabled={busy}
                autoFocus
              >
                {authorisation ? 'Withdraw' : 'Authorise'}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
                Cancel
              </button>
            </fetcher.Form>
            {failure && !busy && <ErrorAlert>{failure.message}</ErrorAlert>}
          </td>
        </tr>
      )}
    </tbody>
  );
}

function UsingTheApi() {
  const example = `curl -H "Authorization: Bearer <key>" ${window.location.origin}/api/v1/ip-rights`;
  return (
    <section className="card" aria-labelledby="using-api-heading">
      <h2 id="using-api-heading">Using the API</h2>
      <p>
        The REST API under <code className="mono">/api/v1</code> reads your IP rights, notices, authentication
        requests, removals and appeals, files notices and answers requests, with the same rules as this portal.
        Send the key as a bearer token; every call is recorded under the key’s name.
      </p>
      <pre className="code-block">
        <code>{example}</code>
      </pre>
      <p>
        <a href="/api/v1/docs">API documentation</a> (every endpoint, its scope and a way to try it) ·{' '}
        <a href="/api/v1/openapi.json">OpenAPI document</a> (to generate a client)
      </p>
    </section>
  );
}

/** Server reasons read "must name the key"; under their own field they read better as sentences. */
function sentences(reasons: string[] | undefined): string[] | undefined {
  return reasons?.map((reason) => reason.charAt(0).toUpperCase() + reason.slice(1));
}
