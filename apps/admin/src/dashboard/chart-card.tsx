import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import TableRowsIcon from '@mui/icons-material/TableRows';
import { Link } from 'react-router';
import { downloadCsv, toCsv, type CsvColumn } from './csv';
import type { ChartState } from './use-chart';

/** A chart's figures as rows: exported as CSV and shown as a table (the keyboard's way to the lists behind). */
export interface ChartTable<Row> {
  /** The file name, without extension. */
  name: string;
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
  /** Where a row's first cell leads: the list behind that point. */
  linkOf?: (row: Row) => string | null;
}

interface ChartCardProps<T, Row> {
  title: string;
  /** What the chart counts and how to read it, in a sentence. */
  caption?: ReactNode;
  state: ChartState<T>;
  table: (data: T) => ChartTable<Row>;
  children: (data: T) => ReactNode;
}

function FiguresTable<Row>({ title, table }: { title: string; table: ChartTable<Row> }) {
  const columns = table.columns.filter((column) => !column.fileOnly);
  return (
    <TableContainer sx={{ maxHeight: 360, mt: 1 }}>
      <Table size="small" stickyHeader aria-label={`${title}: figures`}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell key={column.header} sx={{ whiteSpace: 'nowrap' }}>
                {column.header}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {table.rows.map((row, index) => (
            <TableRow key={index}>
              {columns.map((column, columnIndex) => {
                const value = column.value(row) ?? '—';
                const to = columnIndex === 0 ? table.linkOf?.(row) : null;
                return (
                  <TableCell key={column.header} sx={{ whiteSpace: 'nowrap' }}>
                    {to ? (
                      <MuiLink component={Link} to={to}>
                        {value}
                      </MuiLink>
                    ) : (
                      value
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/**
 * One chart of the dashboard: a heading, the figures (the previous ones dimmed while new ones load),
 * an error in words, "Export CSV" of exactly what is drawn, and the same figures as a table on request.
 */
export function ChartCard<T, Row>({ title, caption, state, table, children }: ChartCardProps<T, Row>) {
  const [showTable, setShowTable] = useState(false);
  const data = state.status === 'ready' ? state.data : state.status === 'loading' ? state.previous : null;
  return (
    <Card component="section" aria-label={title} aria-busy={state.status === 'loading'} sx={{ mb: 2 }}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'flex-start', justifyContent: 'space-between', gap: 2, mb: 1 }}>
          <Box>
            <Typography variant="h6" component="h3">
              {title}
            </Typography>
            {caption ? (
              <Typography variant="body2" color="text.secondary">
                {caption}
              </Typography>
            ) : null}
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            <Button size="small" startIcon={<TableRowsIcon />} disabled={data === null} onClick={() => setShowTable(!showTable)} aria-pressed={showTable} aria-label={`Figures as a table: ${title}`}>
              {showTable ? 'Hide table' : 'Table'}
            </Button>
            <Button
              size="small"
              startIcon={<DownloadIcon />}
              disabled={data === null}
              onClick={() => {
                if (data === null) return;
                const { name, columns, rows } = table(data);
                downloadCsv(`${name}.csv`, toCsv(columns, rows));
              }}
              aria-label={`Export CSV: ${title}`}
            >
              Export CSV
            </Button>
          </Stack>
        </Stack>
        {state.status === 'error' ? (
          <Alert severity="error">The figures could not be loaded: {state.message}</Alert>
        ) : data === null ? (
          <Box sx={{ display: 'grid', placeItems: 'center', height: 200 }}>
            <CircularProgress aria-label={`Loading ${title}`} />
          </Box>
        ) : (
          <Box sx={{ opacity: state.status === 'loading' ? 0.5 : 1, transition: 'opacity 120ms' }}>
            {children(data)}
            {showTable ? <FiguresTable title={title} table={table(data)} /> : null}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}

/** A headline figure inside a chart card: label, value, and what it is measured against. */
export function Figure({ label, value, caption, tone }: { label: string; value: ReactNode; caption?: ReactNode; tone?: 'good' | 'bad' }) {
  return (
    <Box component="section" aria-label={label} sx={{ minWidth: 150, flex: '1 1 150px' }}>
      <Typography variant="overline" component="h4" color="text.secondary" sx={{ lineHeight: 1.4, display: 'block' }}>
        {label}
      </Typography>
      <Typography variant="h5" component="p" sx={{ color: tone === 'good' ? 'success.dark' : tone === 'bad' ? 'error.dark' : undefined }}>
        {value}
      </Typography>
      {caption ? (
        <Typography variant="caption" color="text.secondary" component="p">
          {caption}
        </Typography>
      ) : null}
    </Box>
  );
}

export const FigureRow = ({ children }: { children: ReactNode }) => (
  <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap', mb: 2 }}>
    {children}
  </Stack>
);
