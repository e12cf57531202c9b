import type { RemovalSource } from '@jf/domain';

/** Select choices from the domain's closed sets, so a new value appears without touching the UI. */
export const humanize = (value: string): string => {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const choicesOf = (values: readonly string[], labels: Partial<Record<string, string>> = {}) =>
  values.map((id) => ({ id, name: labels[id] ?? humanize(id) }));

/** How a removal came about, in the words the dashboards and the appeal and seller pages share. */
export const SOURCE_LABELS: Record<RemovalSource, string> = {
  proactive: 'Proactive detection',
  authentication: 'Brand authentication',
  notice_gft: 'GFT notice',
  notice_standard: 'Standard notice',
};
