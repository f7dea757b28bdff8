export { PhasError } from './phas-error.js';
export { PhasInputError } from './input-error.js';
export {
  PhasHttpError,
  PhasAuthError,
  PhasForbiddenError,
  PhasNotFoundError,
  PhasServerError,
  type PhasHttpErrorInit,
} from './http-error.js';
export { PhasResponseError } from './response-error.js';
export { PhasNetworkError } from './network-error.js';
export { PhasAbortError } from './abort-error.js';
