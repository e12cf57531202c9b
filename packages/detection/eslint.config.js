export { default } from '@jf/lint';
