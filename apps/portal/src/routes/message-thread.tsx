import { useEffect, useRef } from 'react';
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from 'react-router';
import { MAX_MESSAGE_ATTACHMENTS, THREAD_SUBJECT_TYPES, type ThreadSubjectType } from '@jf/domain';
import { ErrorAlert } from '../components/alert';
import { TextAreaField, TextField } from '../components/text-field';
import { formatDateTime } from '../format';
import { brandLoader, useMe } from '../session';
import { issuesFor, toFormError, trpc, type FormError, type ThreadMessage } from '../trpc';
import { uploadDocument, UploadError } from '../uploads';
import { SUBJECT_LABELS } from './messages';

/** Opening the thread marks it read; the top bar's count drops on the next load. */
export const messageThreadLoader = brandLoader(async ({ params }: LoaderFunctionArgs) =>
  trpc.messages.open.mutate({ threadId: params.threadId ?? '' }),
);

type Failure = { ok: false } & FormError;

/** The files picked in a form, uploaded as the brand's documents; an upload refusal names the file. */
async function attachments(form: FormData): Promise<string[]> {
  const files = form.getAll('files').filter((file): file is File => file instanceof File && file.size > 0);
  if (files.length > MAX_MESSAGE_ATTACHMENTS) throw new UploadError(`Attach at most ${MAX_MESSAGE_ATTACHMENTS} files`);
  return Promise.all(files.map(uploadDocument));
}

function failureOf(error: unknown, fields: string[]): Failure {
  if (error instanceof UploadError) return { ok: false, message: error.message, fieldIssues: { attachmentIds: [error.message] } };
  return { ok: false, ...toFormError(error, fields) };
}

export async function messageThreadAction({ request, params }: ActionFunctionArgs): Promise<Failure | { ok: true }> {
  const form = await request.formData();
  try {
    await trpc.messages.reply.mutate({ threadId: params.threadId ?? '', body: String(form.get('body') ?? ''), attachmentIds: await attachments(form) });
    return { ok: true };
  } catch (error) {
    return failureOf(error, ['body', 'attachmentIds']);
  }
}

export function MessageThreadPage() {
  const { thread, messages } = useLoaderData<typeof messageThreadLoader>();
  const me = useMe();
  const aboutLink = thread.aboutNoticeId ? `/notices/${thread.aboutNoticeId}` : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/messages">Messages</Link>
      </p>
      <div className="page-header">
        <h1>{thread.subject}</h1>
        <p className="muted">
          {thread.about ? <>About: {aboutLink ? <Link to={aboutLink}>{SUBJECT_LABELS[thread.about.type]}</Link> : SUBJECT_LABELS[thread.about.type]}</> : 'General conversation'}
          {me.brand?.accountManager ? ` · with ${me.brand.accountManager.name}, your account manager` : ''}
        </p>
      </div>
      <section className="card" aria-labelledby="conversation-heading">
        <h2 id="conversation-heading" className="visually-hidden">
          Conversation
        </h2>
        <ol className="conversation">
          {messages.map((message) => (
            <MessageBubble key={message.id} message={message} />
          ))}
        </ol>
        {thread.unreadByOtherSide > 0 && (
          <p className="muted small">Your account manager has not read your latest message yet.</p>
        )}
      </section>
      <ReplyForm />
    </>
  );
}

function MessageBubble({ message }: { message: ThreadMessage }) {
  const ours = message.authorSide === 'brand';
  const who = message.author?.name ?? (ours ? 'Your team' : 'Joint Force');
  return (
    <li className={`bubble ${ours ? 'bubble-ours' : 'bubble-theirs'}${message.unread ? ' bubble-unread' : ''}`}>
      <p className="bubble-head small">
        <strong>{ours ? who : `${who} (account manager)`}</strong>{' '}
        <time dateTime={message.createdAt} className="muted">
          {formatDateTime(message.createdAt)}
        </time>
        {message.unread && <span className="badge badge-warning">New</span>}
      </p>
      <p className="prewrap">{message.body}</p>
      {message.attachments.length > 0 && (
        <ul className="attachment-list small">
          {message.attachments.map((id, index) => (
            <li key={id}>
              <a href={`/api/documents/${id}`}>Attachment {index + 1}</a>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function ReplyForm() {
  const result = useActionData<typeof messageThreadAction>();
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const failure = result && !result.ok ? result : null;
  const submitting = navigation.state === 'submitting';
  useEffect(() => {
    if (result?.ok) formRef.current?.reset();
  }, [result]);
  return (
    <section className="card" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Reply</h2>
      {failure && !submitting && <ErrorAlert>{failure.message}</ErrorAlert>}
      <Form method="post" encType="multipart/form-data" noValidate className="stack" ref={formRef}>
        <TextAreaField label="Your message" name="body" rows={4} required maxLength={10_000} errors={issuesFor(failure?.fieldIssues, 'body')} />
        <AttachmentsField failure={failure} />
        <div>
          <button type="submit" className="button button-primary" disabled={submitting}>
            Send
          </button>
        </div>
      </Form>
    </section>
  );
}

function AttachmentsField({ failure }: { failure: Failure | null | undefined }) {
  return (
    <TextField
      label="Attach files"
      name="files"
      type="file"
      multiple
      accept="application/pdf,image/png,image/jpeg,image/webp"
      hint={`PDF, PNG, JPEG or WebP, up to ${MAX_MESSAGE_ATTACHMENTS} files.`}
      errors={issuesFor(failure?.fieldIssues, 'attachmentIds')}
    />
  );
}

// ————————————————————————————————————————————————————————————— a new thread

/** `?about=notice_item:<id>&subject=…` ties the new thread to a record, e.g. from a listing's card. */
function aboutOf(value: string | null): { type: ThreadSubjectType; id: string } | undefined {
  const [type, id] = (value ?? '').split(':');
  return type && id && (THREAD_SUBJECT_TYPES as readonly string[]).includes(type) ? { type: type as ThreadSubjectType, id } : undefined;
}

export async function newThreadAction({ request }: ActionFunctionArgs): Promise<Failure | Response> {
  const form = await request.formData();
  try {
    const thread = await trpc.messages.start.mutate({
      subject: String(form.get('subject') ?? ''),
      body: String(form.get('body') ?? ''),
      about: aboutOf(String(form.get('about') ?? '')),
      attachmentIds: await attachments(form),
    });
    return redirect(`/messages/${thread.id}`);
  } catch (error) {
    return failureOf(error, ['subject', 'body', 'attachmentIds']);
  }
}

export function NewThreadPage() {
  const [params] = useSearchParams();
  const me = useMe();
  const failure = useActionData<typeof newThreadAction>() as Failure | undefined;
  const navigation = useNavigation();
  const about = aboutOf(params.get('about'));
  const manager = me.brand?.accountManager;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/messages">Messages</Link>
      </p>
      <div className="page-header">
        <h1>New message</h1>
        <p className="muted">
          {manager ? `To ${manager.name}, your account manager.` : 'To your account manager, once one is assigned.'}
          {about ? ` About: ${SUBJECT_LABELS[about.type]}.` : ''}
        </p>
      </div>
      <section className="card">
        {failure && navigation.state === 'idle' && <ErrorAlert>{failure.message}</ErrorAlert>}
        <Form method="post" encType="multipart/form-data" noValidate className="stack">
          {about && <input type="hidden" name="about" value={`${about.type}:${about.id}`} />}
          <TextField label="Subject" name="subject" required maxLength={300} defaultValue={params.get('subject') ?? ''} errors={issuesFor(failure?.fieldIssues, 'subject')} />
          <TextAreaField label="Your message" name="body" rows={6} required maxLength={10_000} errors={issuesFor(failure?.fieldIssues, 'body')} />
          <AttachmentsField failure={failure} />
          <div>
            <button type="submit" className="button button-primary" disabled={navigation.state === 'submitting'}>
              Send message
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
