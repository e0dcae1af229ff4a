import { z } from 'zod';

// Imported first by main.tsx, before any schema exists: zod 4 otherwise probes
// `new Function` to compile validators, which the Content Security Policy
// (script-src 'self') refuses and the browser reports as a violation.
z.config({ jitless: true });
