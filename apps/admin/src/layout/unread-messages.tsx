import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Badge } from '@mui/material';
import ForumIcon from '@mui/icons-material/Forum';
import { hasPermission } from '@jf/domain';
import { mayWriteThreads, useStaffUser } from '../providers/auth';
import { trpc, type UnreadSummary } from '../providers/trpc';

/** Often enough that a brand's message shows up while the manager works elsewhere, rare enough to cost nothing. */
export const UNREAD_POLL_MS = 45_000;

interface UnreadMessages {
  /** Null until the first answer, and for roles without correspondence. */
  summary: UnreadSummary | null;
  /** Asks again now, e.g. after a thread was opened and so read. */
  refresh: () => void;
}

const UnreadContext = createContext<UnreadMessages>({ summary: null, refresh: () => undefined });

export const useUnreadMessages = () => useContext(UnreadContext);

/** Polls the caller's unread threads for the menu; mounted once in the layout so every page shares it. */
export function UnreadMessagesProvider({ children }: { children: ReactNode }) {
  const staff = useStaffUser();
  const enabled = staff !== null && hasPermission(staff.role, 'messages.read');
  const [summary, setSummary] = useState<UnreadSummary | null>(null);
  const [requested, setRequested] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const load = (force: boolean) => {
      // A hidden tab does not need a fresh count; it asks again when the next tick finds it visible.
      if (!force && document.visibilityState === 'hidden') return;
      trpc.admin.messages.unread.query().then(
        (next) => live && setSummary(next),
        // A failed poll keeps the last count; the next tick tries again and real errors show on the pages.
        () => undefined,
      );
    };
    load(true);
    const timer = setInterval(() => load(false), UNREAD_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [enabled, requested]);

  const refresh = useCallback(() => setRequested((count) => count + 1), []);
  const value = useMemo(() => ({ summary: enabled ? summary : null, refresh }), [enabled, summary, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

/** The menu icon with the number of threads waiting; the number is spoken through the item's name instead. */
export function MessagesMenuIcon() {
  const { summary } = useUnreadMessages();
  return (
    <Badge badgeContent={summary?.threads ?? 0} color="error" max={99} aria-hidden>
      <ForumIcon />
    </Badge>
  );
}

/** How the Messages menu item is named for assistive tech and tests: "Messages, 3 unread", or plain "Messages". */
export function useMessagesMenuName(): string | undefined {
  const { summary } = useUnreadMessages();
  const staff = useStaffUser();
  const threads = summary?.threads ?? 0;
  if (threads === 0) return undefined;
  // Leadership reads without answering: its count is what waits for the account managers.
  return `Messages, ${threads} ${staff && !mayWriteThreads(staff.role) ? 'waiting for an account manager' : 'unread'}`;
}
