import SendIcon from '@mui/icons-material/Send';
import { AutocompleteInput, Create, maxLength, minLength, ReferenceInput, required, SaveButton, SimpleForm, TextInput, Toolbar, useNotify, useRedirect } from 'react-admin';
import { MAX_MESSAGE_LENGTH } from '@jf/domain';
import { useStaffUser } from '../../providers/auth';
import type { ThreadRecord } from '../../providers/trpc';

/**
 * A new conversation with one brand. The brand page's "Message this brand" opens this page with the
 * brand preset (`?source={"brandId":…}`); an account manager can only pick the brands they manage.
 */
export function ThreadCreate() {
  const staff = useStaffUser();
  const notify = useNotify();
  const redirect = useRedirect();
  const brandFilter = staff?.role === 'account_manager' ? { accountManagerId: staff.id } : {};
  return (
    <Create
      title="New message to a brand"
      mutationOptions={{
        onSuccess: (thread: ThreadRecord) => {
          notify(`Message sent to ${thread.brandName ?? 'the brand'}`, { type: 'success' });
          redirect('show', 'threads', thread.id);
        },
      }}
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Send message" icon={<SendIcon />} />
          </Toolbar>
        }
      >
        <ReferenceInput source="brandId" reference="brands" filter={brandFilter} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="Brand" optionText="name" validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <TextInput source="subject" label="Subject" validate={[required(), minLength(3), maxLength(300)]} />
        <TextInput
          source="body"
          label="Message"
          multiline
          minRows={6}
          validate={[required(), maxLength(MAX_MESSAGE_LENGTH)]}
          helperText="The brand’s users see it under Messages and are notified."
        />
      </SimpleForm>
    </Create>
  );
}
