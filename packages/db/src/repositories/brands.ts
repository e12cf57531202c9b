import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { ListBrandsInput } from '@jf/domain';
import { Brand } from '../entities';
import { containsText, findPage, type Page } from './paging';

export async function listBrands(em: EntityManager, input: ListBrandsInput): Promise<Page<Brand>> {
  const { q, gftStatus, status, accountManagerId, ids } = input.filter;
  const where: FilterQuery<Brand> = {};
  if (q) where.name = containsText(em, q);
  if (gftStatus) where.gftStatus = gftStatus;
  if (status) where.status = status;
  if (accountManagerId) where.accountManager = accountManagerId;
  if (ids) where.id = { $in: ids };
  return findPage(em, Brand, where, input, { populate: ['accountManager'] });
}

export const findBrand = (em: EntityManager, id: string): Promise<Brand | null> =>
  em.findOne(Brand, id, { populate: ['accountManager'] });
