import { defaultI18nProvider, type I18nProvider } from 'react-admin';

/**
 * react-admin's English, with the few phrases this back office says differently. The password toggle
 * no longer contains "password", so "Password" names exactly one control for people and tests alike;
 * sort buttons keep the column's own capitals ("GFT status", not "gFT status").
 */
const OVERRIDES: Record<string, string> = {
  'ra.page.dashboard': 'Home',
  'ra.auth.username': 'E-mail',
  'ra.input.password.toggle_hidden': 'Show characters',
  'ra.input.password.toggle_visible': 'Hide characters',
  'ra.sort.sort_by': 'Sort by %{field} %{order}',
};

const interpolate = (template: string, options: Record<string, unknown> = {}) =>
  template.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name] ?? ''));

export const i18nProvider: I18nProvider = {
  ...defaultI18nProvider,
  translate: (key, options) => {
    const template = OVERRIDES[key];
    return template === undefined ? defaultI18nProvider.translate(key, options) : interpolate(template, options);
  },
};
