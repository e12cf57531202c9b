import type { EntityManager, EventArgs, EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import { OutboxCommand } from './entities';

type Listener = () => void;

/**
 * Tells in-process listeners (the outbox dispatcher) that outbox commands were committed, so they
 * deliver at once instead of waiting for their next poll. It fires after the commit, when another
 * connection can see the rows; a command committed by another process is found by the poll.
 */
export class OutboxCommitSignal implements EventSubscriber<OutboxCommand> {
  private readonly listeners = new Set<Listener>();
  /** Units of work that inserted commands in a transaction not yet committed. */
  private readonly pending = new WeakSet<EntityManager>();

  getSubscribedEntities() {
    return [OutboxCommand];
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  afterCreate(args: EventArgs<OutboxCommand>): void {
    this.pending.add(args.em);
  }

  /** For commands inserted without the unit of work (`insertMany`), which raises no entity events. */
  noteInsert(em: EntityManager): void {
    this.pending.add(em);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    if (!this.pending.delete(args.em)) return;
    for (const listener of this.listeners) listener();
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    this.pending.delete(args.em);
  }
}

/** Tells the signal that `em` inserted commands natively; they are announced when its transaction commits. */
export function noteOutboxInsert(em: EntityManager): void {
  for (const subscriber of em.getEventManager().getSubscribers()) {
    if (subscriber instanceof OutboxCommitSignal) subscriber.noteInsert(em);
  }
}
