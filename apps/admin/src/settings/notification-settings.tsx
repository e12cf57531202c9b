import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Title, useNotify } from 'react-admin';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, type NotificationChannel, type NotificationKind } from '@jf/domain';
import { toHttpError } from '../providers/data';
import { trpc, type NotificationPreferences } from '../providers/trpc';

/** Every kind the domain knows, in the order shown: what staff receive most comes first. */
const KINDS: Record<NotificationKind, { label: string; help: string }> = {
  message: { label: 'Messages', help: 'A brand writes in a conversation you answer.' },
  auth_request: { label: 'Authentication requests', help: 'A listing is sent to a brand to authenticate.' },
  gft_status: { label: 'Good Faith Takedown status', help: 'A brand’s fast-track status changes.' },
  notice_item_state: { label: 'Notice item updates', help: 'A notice item is removed, rejected or needs information.' },
  bulk_job: { label: 'Bulk notices', help: 'A bulk notice upload finishes or fails.' },
};
const SHOWN_KINDS = Object.keys(KINDS) as NotificationKind[];

const CHANNELS: Record<NotificationChannel, string> = { inApp: 'In app', email: 'E-mail' };

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; saved: NotificationPreferences };

/** Only the kinds that differ from what is stored are sent; the API keeps the rest. */
function changedKinds(saved: NotificationPreferences, draft: NotificationPreferences): Partial<NotificationPreferences> {
  const changes: Partial<NotificationPreferences> = {};
  for (const kind of NOTIFICATION_KINDS) {
    if (NOTIFICATION_CHANNELS.some((channel) => saved[kind]?.[channel] !== draft[kind]?.[channel])) changes[kind] = draft[kind];
  }
  return changes;
}

/** The signed-in user's choice, per kind of notification, of being told in the app and by e-mail. */
export function NotificationSettings() {
  const notify = useNotify();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let live = true;
    trpc.notificationPreferences.get.query().then(
      (saved) => {
        if (!live) return;
        setLoad({ status: 'ready', saved });
        setDraft(saved);
      },
      (error: unknown) => live && setLoad({ status: 'error', message: toHttpError(error).message }),
    );
    return () => {
      live = false;
    };
  }, []);

  const saved = load.status === 'ready' ? load.saved : null;
  const changes = saved && draft ? changedKinds(saved, draft) : {};
  const dirty = Object.keys(changes).length > 0;

  function toggle(kind: NotificationKind, channel: NotificationChannel, value: boolean) {
    setDraft((current) => (current ? { ...current, [kind]: { ...current[kind], [channel]: value } } : current));
  }

  async function save() {
    setPending(true);
    try {
      const stored = await trpc.notificationPreferences.update.mutate({ preferences: changes });
      setLoad({ status: 'ready', saved: stored });
      setDraft(stored);
      notify('Your notification settings are saved', { type: 'success' });
    } catch (error) {
      notify(`The settings were not saved: ${toHttpError(error).message}`, { type: 'error', autoHideDuration: 10_000 });
    } finally {
      setPending(false);
    }
  }

  return (
    <Box sx={{ pt: 2, maxWidth: 820 }}>
      <Title title="My notifications" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        My notifications
      </Typography>
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            Choose how Joint Force tells you about what happens. E-mails go to the address you sign in with.
          </Typography>
          {load.status === 'loading' ? <CircularProgress aria-label="Loading your settings" /> : null}
          {load.status === 'error' ? <Alert severity="error">Your settings could not be loaded: {load.message}</Alert> : null}
          {draft ? (
            <>
              <Table aria-label="Notification settings" size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>Notification</TableCell>
                    {NOTIFICATION_CHANNELS.map((channel) => (
                      <TableCell key={channel} align="center" sx={{ width: 120 }}>
                        {CHANNELS[channel]}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {SHOWN_KINDS.map((kind) => (
                    <TableRow key={kind}>
                      <TableCell component="th" scope="row">
                        <Typography variant="body2">{KINDS[kind].label}</Typography>
                        <Typography variant="caption" color="text.secondary">
                          {KINDS[kind].help}
                        </Typography>
                      </TableCell>
                      {NOTIFICATION_CHANNELS.map((channel) => (
                        <TableCell key={channel} align="center">
                          <Checkbox
                            checked={draft[kind]?.[channel] ?? false}
                            disabled={pending}
                            onChange={(change) => toggle(kind, channel, change.target.checked)}
                            slotProps={{ input: { 'aria-label': `${KINDS[kind].label}: ${CHANNELS[channel]}` } }}
                          />
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                <Button variant="contained" disabled={!dirty || pending} onClick={() => void save()}>
                  Save
                </Button>
                <Button disabled={!dirty || pending} onClick={() => setDraft(saved)}>
                  Undo changes
                </Button>
              </Stack>
            </>
          ) : null}
        </CardContent>
      </Card>
    </Box>
  );
}
