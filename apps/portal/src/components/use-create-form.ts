import { useEffect, useRef } from 'react';
import { useActionData, useNavigation } from 'react-router';

type Outcome = { ok: true } | { ok: false };

/**
 * The state of a page's "add one" form whose action answers `{ ok: true, … }` or `{ ok: false, …FormError }`:
 * the failure to show, the success to announce, and the form emptied after each success.
 */
export function useCreateForm<Action extends (...args: never[]) => Promise<Outcome>>() {
  const result = useActionData<Action>() as Awaited<ReturnType<Action>> | undefined;
  const navigation = useNavigation();
  const formRef = useRef<HTMLFormElement>(null);
  const failure =
    result && !result.ok ? (result as Extract<Awaited<ReturnType<Action>>, { ok: false }>) : null;
  const success = result?.ok ? (result as Extract<Awaited<ReturnType<Action>>, { ok: true }>) : null;

  useEffect(() => {
    if (success) formRef.current?.reset();
  }, [success]);

  return { formRef, failure, success, submitting: navigation.state === 'submitting' };
}
