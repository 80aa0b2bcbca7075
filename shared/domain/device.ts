import { z } from 'zod';

/** Who uses this installation. Local to the device; never synchronised. */
export const deviceProfileSchema = z.object({
  deviceId: z.string().min(8),
  role: z.enum(['office', 'delegate']),
  /** The delegate or staff member this device acts for */
  actorId: z.string().min(1),
  actorName: z.string().min(1),
  congressId: z.string().min(1),
  createdAt: z.iso.datetime(),
});
export type DeviceProfile = z.infer<typeof deviceProfileSchema>;

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
