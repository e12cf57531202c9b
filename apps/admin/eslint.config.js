import { react } from '@jf/lint';

export default react;
