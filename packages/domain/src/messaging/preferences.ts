import { z } from 'zod';
import { NOTIFICATION_KINDS, type NotificationKind } from '../model';

export const NOTIFICATION_CHANNELS = ['inApp', 'email'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export type ChannelChoice = Record<NotificationChannel, boolean>;
export type NotificationPreferences = Record<NotificationKind, ChannelChoice>;

/**
 * What a user receives before choosing: everything in the app; by e-mail what needs an answer or
 * changes the brand's standing. State changes of single items come in volume, so they stay in the app.
 */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  message: { inApp: true, email: true },
  notice_item_state: { inApp: true, email: false },
  auth_request: { inApp: true, email: true },
  gft_status: { inApp: true, email: true },
  bulk_job: { inApp: true, email: false },
};

const channelChoiceSchema = z.object({ inApp: z.boolean(), email: z.boolean() });

/** A user sends only the kinds they change; the rest keep their current choice. */
export const updateNotificationPreferencesInput = z.object({
  preferences: z.partialRecord(z.enum(NOTIFICATION_KINDS), channelChoiceSchema),
});
export type UpdateNotificationPreferencesInput = z.infer<typeof updateNotificationPreferencesInput>;

/** Stored choices over the defaults; unknown kinds and malformed entries in storage are ignored. */
export function resolveNotificationPreferences(stored: unknown): NotificationPreferences {
  const resolved = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, { ...DEFAULT_NOTIFICATION_PREFERENCES[kind] }])) as NotificationPreferences;
  if (!stored || typeof stored !== 'object') return resolved;
  for (const kind of NOTIFICATION_KINDS) {
    const choice = channelChoiceSchema.safeParse((stored as Record<string, unknown>)[kind]);
    if (choice.success) resolved[kind] = choice.data;
  }
  return resolved;
}

export function mergeNotificationPreferences(stored: unknown, changes: UpdateNotificationPreferencesInput['preferences']): NotificationPreferences {
  return { ...resolveNotificationPreferences(stored), ...changes };
}

export const wantsNotification = (preferences: NotificationPreferences, kind: NotificationKind, channel: NotificationChannel) =>
  preferences[kind][channel];
