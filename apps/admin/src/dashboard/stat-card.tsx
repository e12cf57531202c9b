import type { ReactNode } from 'react';
import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';

interface StatCardProps {
  title: string;
  value: ReactNode;
  /** What the number counts, in plain words. */
  caption?: ReactNode;
  /** Where the card leads, e.g. the list behind the number. */
  to?: string;
}

/** One small headline figure; the card is a link when there is somewhere to go. */
export function StatCard({ title, value, caption, to }: StatCardProps) {
  const content = (
    <CardContent>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.4 }}>
        {title}
      </Typography>
      <Typography variant="h4" component="p">
        {value}
      </Typography>
      {caption ? (
        <Typography variant="body2" color="text.secondary">
          {caption}
        </Typography>
      ) : null}
    </CardContent>
  );
  return (
    <Card component="section" aria-label={title} sx={{ minWidth: 200, flex: '1 1 200px' }}>
      {to ? (
        <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
}
