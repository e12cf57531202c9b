import type { Brand, IpRight, User } from '@jf/db';

/** Plain JSON shapes the apps receive: ids instead of relations, ISO strings instead of Dates. */
const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    status: user.status,
    brandId: user.brand?.id ?? null,
    locale: user.locale,
    lastSignInAt: iso(user.lastSignInAt),
    createdAt: user.createdAt.toISOString(),
  };
}
export type UserDto = ReturnType<typeof presentUser>;

export function presentBrand(brand: Brand) {
  const manager = brand.accountManager;
  return {
    id: brand.id,
    name: brand.name,
    slug: brand.slug,
    status: brand.status,
    gftStatus: brand.gftStatus,
    gftStatusChangedAt: iso(brand.gftStatusChangedAt),
    gftSuspendedAt: iso(brand.gftSuspendedAt),
    jointForcePhase: brand.jointForcePhase,
    accountManagerId: manager?.id ?? null,
    accountManager: manager && manager.name ? { id: manager.id, name: manager.name, email: manager.email } : null,
    accuracy: brand.accuracy,
    createdAt: brand.createdAt.toISOString(),
    updatedAt: brand.updatedAt.toISOString(),
  };
}
export type BrandDto = ReturnType<typeof presentBrand>;

/** An IP right as its brand sees it (portal and REST alike; REST's output schema keeps its own fields). */
export function presentIpRight(right: IpRight) {
  return {
    id: right.id,
    kind: right.kind,
    registrationNumber: right.registrationNumber,
    jurisdiction: right.jurisdiction,
    classes: right.classes,
    validFrom: right.validFrom.toISOString(),
    validUntil: right.validUntil.toISOString(),
    status: right.status,
    rejectionReason: right.rejectionReason,
    evidenceDocumentId: right.evidenceDocument,
    verifiedAt: right.verifiedAt ? right.verifiedAt.toISOString() : null,
    createdAt: right.createdAt.toISOString(),
  };
}
