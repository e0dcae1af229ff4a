import { z } from 'zod';
import { emailSchema, timeZoneSchema } from '../http/common-schemas';

export const unitSettingsSchema = z
  .object({
    organizationName: z.string().trim().min(1, 'Organization name is required.').max(200),
    unitName: z.string().trim().min(1, 'Unit name is required.').max(200),
    contactEmail: emailSchema,
    contactPhone: z.string().trim().min(3, 'A phone number is required.').max(50),
    location: z.string().trim().min(1, 'Location is required.').max(300),
    officeHours: z.string().trim().min(1, 'Office hours are required.').max(200),
    timeZone: timeZoneSchema,
  })
  .meta({ id: 'UnitSettings' });
export type UnitSettings = z.infer<typeof unitSettingsSchema>;
