export { default } from './tooling/lint/prettier.config.js';
