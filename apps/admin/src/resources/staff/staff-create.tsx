import { Create, email, minLength, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { PASSWORD_MIN_LENGTH } from '@jf/domain';
import { STAFF_ROLE_CHOICES } from './staff-fields';

export function StaffCreate() {
  return (
    <Create title="New staff user" redirect="list">
      <SimpleForm>
        <TextInput source="email" label="E-mail" type="email" autoComplete="off" validate={[required(), email()]} />
        <TextInput source="name" label="Name" validate={required()} />
        <SelectInput source="role" label="Role" choices={STAFF_ROLE_CHOICES} validate={required()} />
        <PasswordInput
          source="password"
          label="Password"
          autoComplete="new-password"
          validate={[required(), minLength(PASSWORD_MIN_LENGTH)]}
          helperText={`At least ${PASSWORD_MIN_LENGTH} characters; share it with the user out of band.`}
        />
      </SimpleForm>
    </Create>
  );
}
