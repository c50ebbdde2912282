import { z } from 'zod';
import { requestJson } from '../http';
import { classifyGraphError } from '../oauth/meta';
import type { TokenStyle } from '../oauth/endpoints';
import { avatarUrl } from './identity';
import type { Identity } from './identity';

/** Facebook Page: GET /me?fields=id,name,picture with the Page token. */
const FacebookMe = z.object({
  id: z.string().min(1),
  name: z.string(),
  picture: z.object({ data: z.object({ url: z.string().optional() }) }).optional(),
});

/** Instagram (business login): GET /me?fields=user_id,username,name,profile_picture_url. */
const InstagramMe = z.object({
  id: z.string().optional(),
  user_id: z.union([z.string(), z.number()]).optional(),
  username: z.string(),
  name: z.string().optional(),
  profile_picture_url: z.string().optional(),
});

/** Threads: GET /v1.0/me?fields=id,username,name,threads_profile_picture_url. */
const ThreadsMe = z.object({
  id: z.string().min(1),
  username: z.string(),
  name: z.string().optional(),
  threads_profile_picture_url: z.string().optional(),
});

/** Meta's Graph `me` for Facebook, Instagram and Threads; Graph error code 190 = dead token. */
export async function graphWhoami(style: Exclude<TokenStyle, 'standard'>, whoamiUrl: string, accessToken: string): Promise<Identity> {
  const request = { url: whoamiUrl, bearer: accessToken };
  switch (style) {
    case 'facebook': {
      const me = await requestJson(request, FacebookMe, classifyGraphError);
      return { externalId: me.id, handle: me.name, displayName: me.name, avatarUrl: avatarUrl(me.picture?.data.url) };
    }
    case 'instagram': {
      const me = await requestJson(request, InstagramMe, classifyGraphError);
      return {
        externalId: String(me.user_id ?? me.id ?? me.username),
        handle: `@${me.username}`,
        displayName: me.name ?? me.username,
        avatarUrl: avatarUrl(me.profile_picture_url),
      };
    }
    case 'threads': {
      const me = await requestJson(request, ThreadsMe, classifyGraphError);
      return { externalId: me.id, handle: `@${me.username}`, displayName: me.name ?? me.username, avatarUrl: avatarUrl(me.threads_profile_picture_url) };
    }
  }
}
