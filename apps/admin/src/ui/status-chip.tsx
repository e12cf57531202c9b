import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { humanize } from './choices';

type Tone = NonNullable<ChipProps['color']>;

/** A small coloured chip for an enum value; unknown values render grey rather than failing. */
export function StatusChip({ value, tones }: { value: string; tones: Partial<Record<string, Tone>> }) {
  return <Chip size="small" label={humanize(value)} color={tones[value] ?? 'default'} variant="outlined" />;
}

/** The same chip as a react-admin field reading `source` from the record in context. */
export function StatusChipField({ source, tones }: { source: string; tones: Partial<Record<string, Tone>>; label?: string; sortBy?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  return typeof value === 'string' ? <StatusChip value={value} tones={tones} /> : null;
}
