import {
  Datagrid,
  DateField,
  List,
  NumberField,
  SelectInput,
  TextField,
  TextInput,
} from 'react-admin';
import { MarketplaceField } from '../../ui/fields';
import { MARKETPLACE_CHOICES } from '../queue/notice-item-fields';
import { SELLER_STATUS_CHOICES, SellerStatusField } from './seller-fields';

const sellerFilters = [
  <TextInput key="q" source="q" label="Search name or seller id" alwaysOn resettable />,
  <SelectInput
    key="marketplace"
    source="marketplace"
    label="Marketplace"
    choices={MARKETPLACE_CHOICES}
    alwaysOn
  />,
  <SelectInput key="status" source="status" label="Status" choices={SELLER_STATUS_CHOICES} alwaysOn />,
];

/** Marketplace sellers, most strikes first: the repeat offenders a reviewer looks for. */
export function SellerList() {
  return (
    <List
      title="Sellers"
      filters={sellerFilters}
      perPage={25}
      sort={{ field: 'strikeCount', order: 'DESC' }}
      exporter={false}
      empty={false}
    >
      <Datagrid
        rowClick="show"
        bulkActionButtons={false}
        empty={<p style={{ padding: 16 }}>No seller matches these filters.</p>}
      >
        <TextField source="name" label="Name" />
        <TextField source="externalId" label="Seller id" sortable={false} />
        <MarketplaceField label="Marketplace" />
        <SellerStatusField label="Status" sortable={false} />
        <NumberField source="strikeCount" label="Active strikes" />
        <DateField source="registeredAt" label="Registered" sortable={false} />
      </Datagrid>
    </List>
  );
}
