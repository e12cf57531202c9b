import { AnalyticsSection } from './analytics-section';

/** Leadership's home is the enforcement dashboard itself: the whole platform, or the brand and marketplace filtered on. */
export function LeadershipHome() {
  return <AnalyticsSection />;
}
