import { Edit, EmailField, Labeled, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { EDITABLE_STATUS_CHOICES, STAFF_ROLE_CHOICES } from './staff-fields';

export function StaffEdit() {
  return (
    <Edit title="Edit staff user" mutationMode="pessimistic" redirect="list">
      <SimpleForm>
        <Labeled label="E-mail">
          <EmailField source="email" />
        </Labeled>
        <TextInput source="name" label="Name" validate={required()} />
        <SelectInput source="role" label="Role" choices={STAFF_ROLE_CHOICES} validate={required()} />
        <SelectInput
          source="status"
          label="Status"
          choices={EDITABLE_STATUS_CHOICES}
          validate={required()}
          helperText="Deactivating signs the user out everywhere."
        />
      </SimpleForm>
    </Edit>
  );
}
