import { Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, required, TextInput } from 'react-admin';

/** react-admin's sign-in with the API's vocabulary: the username is the staff e-mail address. */
export function LoginPage() {
  return (
    <Login>
      <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
        Joint Force — staff sign-in
      </Typography>
      <LoginForm>
        <TextInput source="username" label="E-mail" type="email" autoComplete="username" autoFocus validate={required()} />
        <PasswordInput source="password" label="Password" autoComplete="current-password" validate={required()} />
      </LoginForm>
      <Typography variant="body2" color="text.secondary" align="center" sx={{ px: 2, pb: 2, maxWidth: 300 }}>
        Brand users sign in to the <a href="/portal/">brand portal</a>.
      </Typography>
    </Login>
  );
}
