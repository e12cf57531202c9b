import type { EntityManager } from '@mikro-orm/core';
import { OutboxCommand, type Brand, type Listing, type Marketplace, type Removal } from '../entities';

export interface ListingCommandTarget {
  removal: Removal;
  listing: Listing;
  marketplace: Marketplace;
  brand: Brand | null;
}

function enqueueListingCommand(em: EntityManager, kind: 'remove_listing' | 'reinstate_listing', target: ListingCommandTarget): OutboxCommand {
  const prefix = kind === 'remove_listing' ? 'remove' : 'reinstate';
  return em.create(OutboxCommand, {
    kind,
    marketplace: target.marketplace,
    brand: target.brand,
    payload: { removalId: target.removal.id, listingId: target.listing.id, externalId: target.listing.externalId },
    idempotencyKey: `${prefix}:${target.removal.id}`,
    nextAttemptAt: new Date(),
  });
}

/** Queues the marketplace removal in the caller's unit of work, so it commits with the removal itself. */
export const enqueueRemoval = (em: EntityManager, target: ListingCommandTarget): OutboxCommand => enqueueListingCommand(em, 'remove_listing', target);

/** Queues the marketplace reinstatement in the caller's unit of work. */
export const enqueueReinstatement = (em: EntityManager, target: ListingCommandTarget): OutboxCommand =>
  enqueueListingCommand(em, 'reinstate_listing', target);
