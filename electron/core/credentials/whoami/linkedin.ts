import { z } from 'zod';
import { requestJson } from '../http';
import { avatarUrl } from './identity';
import type { Identity } from './identity';

/** OpenID Connect userinfo (GET /v2/userinfo with the `openid profile` scopes). */
const UserInfo = z.object({
  sub: z.string().min(1),
  name: z.string().optional(),
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  picture: z.string().optional(),
  email: z.string().optional(),
});

export async function linkedinWhoami(whoamiUrl: string, accessToken: string): Promise<Identity> {
  const info = await requestJson({ url: whoamiUrl, bearer: accessToken }, UserInfo);
  const name = info.name ?? [info.given_name, info.family_name].filter(Boolean).join(' ');
  return {
    externalId: info.sub,
    // LinkedIn members have no public @handle in the API: the name is what people recognise.
    handle: name || info.sub,
    displayName: name,
    avatarUrl: avatarUrl(info.picture),
  };
}
