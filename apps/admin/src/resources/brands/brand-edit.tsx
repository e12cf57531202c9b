import { Edit, Labeled, ReferenceInput, required, SelectInput, SimpleForm, TextField } from 'react-admin';
import { BRAND_STATUS_CHOICES, JOINT_FORCE_PHASE_CHOICES } from './brand-fields';

/** Plain attributes only: the GFT status moves through its own panel on the brand page. */
export function BrandEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <SimpleForm>
        <Labeled label="Brand">
          <TextField source="name" />
        </Labeled>
        <SelectInput source="status" label="Status" choices={BRAND_STATUS_CHOICES} validate={required()} />
        <SelectInput source="jointForcePhase" label="Joint-force phase" choices={JOINT_FORCE_PHASE_CHOICES} validate={required()} />
        <ReferenceInput
          source="accountManagerId"
          reference="staff"
          filter={{ role: 'account_manager', status: 'active' }}
          sort={{ field: 'name', order: 'ASC' }}
          perPage={100}
        >
          <SelectInput label="Account manager" optionText="name" emptyText="No account manager" />
        </ReferenceInput>
      </SimpleForm>
    </Edit>
  );
}
