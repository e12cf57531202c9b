import type { ResourceProps } from 'react-admin';
import StorefrontIcon from '@mui/icons-material/Storefront';
import { BrandEdit } from './brand-edit';
import { BrandList } from './brand-list';
import { BrandShow } from './brand-show';

export const brandsResource = {
  name: 'brands',
  list: BrandList,
  show: BrandShow,
  edit: BrandEdit,
  icon: StorefrontIcon,
  recordRepresentation: 'name',
} satisfies ResourceProps;
