import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { STAFF_ROLES, type ListStaffInput } from '@jf/domain';
import { User } from '../entities';
import { containsText, findPage, type Page } from './paging';

export async function listStaff(em: EntityManager, input: ListStaffInput): Promise<Page<User>> {
  const { q, role, status, ids } = input.filter;
  const where: FilterQuery<User> = { role: role ?? { $in: [...STAFF_ROLES] } };
  if (q) where.$or = [{ name: containsText(em, q) }, { email: containsText(em, q) }];
  if (status) where.status = status;
  if (ids) where.id = { $in: ids };
  return findPage(em, User, where, input);
}

export const findStaffUser = (em: EntityManager, id: string): Promise<User | null> =>
  em.findOne(User, { id, role: { $in: [...STAFF_ROLES] } });

export const findUserByEmail = (em: EntityManager, email: string): Promise<User | null> =>
  em.findOne(User, { email: email.toLowerCase() }, { populate: ['brand'] });

export const listBrandUsers = (em: EntityManager, brandId: string): Promise<User[]> =>
  em.find(User, { brand: brandId }, { orderBy: { role: 'ASC', name: 'ASC' } });

/** Brand users are addressed only together with their brand, so a foreign id finds nothing. */
export const findBrandUser = (em: EntityManager, brandId: string, userId: string): Promise<User | null> =>
  em.findOne(User, { id: userId, brand: brandId });
