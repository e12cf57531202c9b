import { useEffect, useState } from 'react';
import { Alert, Box, Chip, Skeleton, Stack, Typography } from '@mui/material';
import { AUTH_ANSWERS } from '@jf/domain';
import { toHttpError } from '../../providers/data';
import { trpc, type AuthRequestStats } from '../../providers/trpc';
import { humanize } from '../../ui/choices';
import { AUTH_ANSWER_TONES, formatHours, formatPercent } from './auth-request-fields';

const DAYS = 30;

type Load = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; stats: AuthRequestStats };

function Figure({ label, value, caption }: { label: string; value: string; caption?: string }) {
  return (
    <Box component="section" aria-label={label} sx={{ minWidth: 130 }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.4 }}>
        {label}
      </Typography>
      <Typography variant="h6" component="p">
        {value}
      </Typography>
      {caption ? (
        <Typography variant="caption" color="text.secondary">
          {caption}
        </Typography>
      ) : null}
    </Box>
  );
}

/** Brand response figures over the last 30 days, computed by the server, for one brand or all. */
export function AuthRequestStatsCard({ brandId }: { brandId?: string | undefined }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setLoad({ status: 'loading' });
    trpc.admin.authRequests.stats.query({ days: DAYS, ...(brandId ? { brandId } : {}) }).then(
      (stats) => live && setLoad({ status: 'ready', stats }),
      (error: unknown) => live && setLoad({ status: 'error', message: toHttpError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [brandId]);

  if (load.status === 'error') return <Alert severity="error" sx={{ m: 2 }}>The response figures could not be loaded: {load.message}</Alert>;
  const stats = load.status === 'ready' ? load.stats : null;
  return (
    <Box component="section" aria-label={`Brand responses, last ${DAYS} days`} sx={{ px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
      <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
        Brand responses, last {DAYS} days{brandId ? ', this brand' : ', all brands'}
      </Typography>
      {!stats ? (
        <Skeleton variant="rounded" height={64} />
      ) : (
        <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Figure label="Requests" value={String(stats.total)} caption={`${stats.open} still open`} />
          <Figure label="Answer time p50" value={formatHours(stats.responseTime.p50)} caption={`over ${stats.responseTime.count} answers`} />
          <Figure label="Answer time p90" value={formatHours(stats.responseTime.p90)} />
          <Figure
            label="Expiry rate"
            value={stats.expiry.rate === null ? '—' : formatPercent(stats.expiry.rate)}
            caption={`${stats.expiry.expired} expired, ${stats.expiry.answered} answered`}
          />
          <Box component="section" aria-label="Answers by verdict">
            <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.4 }}>
              Verdicts
            </Typography>
            <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
              {AUTH_ANSWERS.map((answer) => (
                <Chip key={answer} size="small" variant="outlined" color={AUTH_ANSWER_TONES[answer]} label={`${humanize(answer)}: ${stats.byAnswer[answer]}`} />
              ))}
            </Stack>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
