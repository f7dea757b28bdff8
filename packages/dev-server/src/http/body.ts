/**
 * Request bodies the server reads as raw JSON (`json.loads(request.get_data())`, any
 * content type): failures are unhandled exceptions upstream, i.e. 500.
 */
import { isNumber, pyLoads, PyFloat, type PyJson } from './pyjson.js';
import { ServerFailure } from './werkzeug.js';

/** A JSON object (Python dict). */
export type PyDict = { [key: string]: PyJson | undefined };

/** Whether a parsed value is a JSON object. */
export function isDict(v: PyJson | undefined): v is PyDict {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) && !(v instanceof PyFloat) && !isNumber(v);
}

/** Parses a raw JSON body like Python; invalid text → {@link ServerFailure} (500). */
export function jsonBody(text: string, what: string): PyJson {
  try {
    return pyLoads(text);
  } catch (e) {
    throw new ServerFailure(`${what} body is not JSON: ${(e as Error).message}`);
  }
}

/** A raw JSON body that must be an object (else 500). */
export function jsonObjectBody(text: string, what: string): PyDict {
  const doc = jsonBody(text, what);
  if (!isDict(doc)) throw new ServerFailure(`${what} body is not an object`);
  return doc;
}
