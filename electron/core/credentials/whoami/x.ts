import { z } from 'zod';
import { requestJson } from '../http';
import { avatarUrl } from './identity';
import type { Identity } from './identity';

/** GET /2/users/me?user.fields=profile_image_url → {"data":{id,name,username,profile_image_url}}. */
const Me = z.object({
  data: z.object({
    id: z.string().min(1),
    name: z.string(),
    username: z.string(),
    profile_image_url: z.string().optional(),
  }),
});

export async function xWhoami(whoamiUrl: string, accessToken: string): Promise<Identity> {
  const { data } = await requestJson({ url: whoamiUrl, bearer: accessToken }, Me);
  return { externalId: data.id, handle: `@${data.username}`, displayName: data.name, avatarUrl: avatarUrl(data.profile_image_url) };
}
