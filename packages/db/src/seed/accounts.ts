import type { Role } from '@jf/domain';

/** Demo sign-ins, listed in the README; every one shares the demo password. */
export const DEMO_PASSWORD = 'jointforce-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  /** Brand users belong to the named demo brand. */
  brandName?: string;
}

export const DEMO_GFT_BRAND = 'Aurelia';
export const DEMO_STANDARD_BRAND = 'Northpeak';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'leadership@jointforce.demo', name: 'Lin Wei', role: 'leadership' },
  { email: 'manager@jointforce.demo', name: 'Maya Chen', role: 'account_manager' },
  { email: 'reviewer@jointforce.demo', name: 'Ravi Kumar', role: 'reviewer' },
  { email: 'admin@jointforce.demo', name: 'Ada Park', role: 'platform_admin' },
  { email: 'admin@aurelia.demo', name: 'Aurelia Admin', role: 'brand_admin', brandName: DEMO_GFT_BRAND },
  { email: 'agent@aurelia.demo', name: 'Aurelia Agent', role: 'brand_agent', brandName: DEMO_GFT_BRAND },
  { email: 'admin@northpeak.demo', name: 'Northpeak Admin', role: 'brand_admin', brandName: DEMO_STANDARD_BRAND },
  { email: 'agent@northpeak.demo', name: 'Northpeak Agent', role: 'brand_agent', brandName: DEMO_STANDARD_BRAND },
];
