/** Schemas of the authentication endpoints E1–E4 (protocol §3). */
import * as z from 'zod/mini';

/** E1 success: `{"status":"ok"}`. */
export const loginSchema = z.looseObject({ status: z.literal('ok') });

/** E2/E3: `{"anonymize": <bool>}`. */
export const anonymizeSchema = z.looseObject({ anonymize: z.boolean() });

/** E4: `{"private_access": <bool>}`. */
export const privateAccessSchema = z.looseObject({ private_access: z.boolean() });
