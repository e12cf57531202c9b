import {
  AutocompleteInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import type { BrandRecord } from '../../providers/trpc';
import { BRAND_STATUS_CHOICES, BrandStatusField, formatAccuracy, GFT_STATUS_CHOICES, GftStatusField } from './brand-fields';

const brandFilters = [
  <TextInput key="q" source="q" label="Search" alwaysOn resettable />,
  <SelectInput key="gftStatus" source="gftStatus" label="GFT status" choices={GFT_STATUS_CHOICES} alwaysOn />,
  <SelectInput key="status" source="status" label="Status" choices={BRAND_STATUS_CHOICES} alwaysOn />,
  <ReferenceInput key="accountManagerId" source="accountManagerId" reference="staff" filter={{ role: 'account_manager' }} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Account manager" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

export function BrandList() {
  return (
    <List filters={brandFilters} perPage={25} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" label="Name" />
        <GftStatusField label="GFT status" sortBy="gftStatus" />
        <BrandStatusField label="Status" sortBy="status" />
        <TextField source="accountManager.name" label="Account manager" sortable={false} emptyText="—" />
        <FunctionField<BrandRecord> label="Accuracy (90 d)" sortBy="accuracy" render={(brand) => formatAccuracy(brand.accuracy)} />
        <DateField source="createdAt" label="Created" />
      </Datagrid>
    </List>
  );
}
