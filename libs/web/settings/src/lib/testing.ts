/** Helpers for the settings specs: the shared ones from the web testing library. */
export { byTestId, settle, typeInto as type } from '@postprober/web/testing';
