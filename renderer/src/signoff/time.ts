export { fromLocalInput, toLocalInput } from '../time/localInput';
