import type { OverviewSummary } from '../providers/trpc';
import { HomeSection, QueueCards } from './overview-parts';

export function ReviewerHome({ summary }: { summary: OverviewSummary }) {
  return (
    <HomeSection title="Waiting for a decision, all brands">
      <QueueCards summary={summary} linkQueue />
    </HomeSection>
  );
}
