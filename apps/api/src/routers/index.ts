import { proactiveRatio } from '@jf/domain';
import { overviewCounts } from '@jf/db';
import { requirePermission, router } from '../trpc/init';
import { authRouter } from './auth';
import { adminAccountManagementRouter, adminBrandsRouter, brandRouter } from './brands';
import { adminStaffRouter, brandUsersRouter } from './users';
import { ipRightsRouter, notificationPreferencesRouter, notificationsRouter, productsRouter } from './catalogue';
import { adminMessagesRouter, messagesRouter } from './messages';
import { adminAuditRouter } from './audit';
import { adminApiKeysRouter, adminAppealsRouter, appealsRouter, brandApiKeysRouter } from './appeals';
import { adminSellersRouter } from './sellers';
import { adminAuthRequestsRouter, authRequestsRouter } from './auth-requests';
import { adminDetectionRouter } from './detection';
import { adminAgentsRouter, brandAgentsRouter } from './agents';
import { adminDashboardsRouter, adminRemovalsRouter, brandDashboardRouter } from './dashboards';
import { bulkNoticesRouter } from './bulk-notices';
import { noticesRouter } from './notices';
import { adminGftAuditRouter, adminIpRightsRouter, adminQueueRouter } from './review';

const adminOverviewRouter = {
  /** Headline figures for the staff home pages (the last 30 days). */
  summary: requirePermission('overview.read').query(async ({ ctx }) => {
    const counts = await overviewCounts(ctx.em);
    return { ...counts, proactiveRatio: proactiveRatio(counts.removalsBySource) };
  }),
};

export const appRouter = router({
  auth: authRouter,
  brand: brandRouter,
  brandUsers: brandUsersRouter,
  ipRights: ipRightsRouter,
  products: productsRouter,
  notices: noticesRouter,
  bulkNotices: bulkNoticesRouter,
  notifications: notificationsRouter,
  notificationPreferences: notificationPreferencesRouter,
  messages: messagesRouter,
  appeals: appealsRouter,
  authRequests: authRequestsRouter,
  apiKeys: brandApiKeysRouter,
  agents: brandAgentsRouter,
  dashboard: brandDashboardRouter,
  admin: router({
    queue: adminQueueRouter,
    gftAudit: adminGftAuditRouter,
    ipRights: adminIpRightsRouter,
    brands: adminBrandsRouter,
    staff: adminStaffRouter,
    overview: adminOverviewRouter,
    messages: adminMessagesRouter,
    accounts: adminAccountManagementRouter,
    audit: adminAuditRouter,
    appeals: adminAppealsRouter,
    apiKeys: adminApiKeysRouter,
    sellers: adminSellersRouter,
    authRequests: adminAuthRequestsRouter,
    detection: adminDetectionRouter,
    dashboards: adminDashboardsRouter,
    removals: adminRemovalsRouter,
    agents: adminAgentsRouter,
  }),
});

export type AppRouter = typeof appRouter;
