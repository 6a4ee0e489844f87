import { z } from 'zod';

// zod probes `new Function` to decide whether to compile parsers; under the extension CSP the
// probe throws and is reported as a CSP violation. Imported first by every context using zod.
z.config({ jitless: true });
