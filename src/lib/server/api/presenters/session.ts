/** Logging in through the API. */
import { z } from 'zod';
import { presenter } from './presenter';

export const presentSession = presenter(z.object({ token: z.string() }));
