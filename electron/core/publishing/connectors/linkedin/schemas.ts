import { z } from 'zod';

/** LinkedIn REST (Rest.li 2.0) replies the connector reads, only the fields it uses. */

/** POST /rest/images?action=initializeUpload */
export const InitializeUploadReply = z.object({
  value: z.object({
    uploadUrl: z.string().min(1),
    image: z.string().startsWith('urn:li:image:'),
    uploadUrlExpiresAt: z.number().optional(),
  }),
});

/** GET /rest/posts?q=author (a FINDER): newest first with sortBy=CREATED. */
export const PostsByAuthor = z.object({
  elements: z.array(
    z.object({
      id: z.string().min(1),
      commentary: z.string().optional(),
      createdAt: z.number().optional(),
      publishedAt: z.number().optional(),
      lifecycleState: z.string().optional(),
    }),
  ),
});

/**
 * Error bodies: `{"status":422,"message":"…","code":"…","serviceErrorCode":…}`, validation
 * ones with `errorDetails.inputErrors[].code` (DUPLICATE_POST, INVALID_VALUE…).
 */
export const ErrorBody = z.object({
  message: z.string().optional(),
  code: z.string().optional(),
  serviceErrorCode: z.number().optional(),
  errorDetails: z
    .object({
      inputErrors: z.array(z.object({ code: z.string().optional(), description: z.string().optional() })).optional(),
    })
    .optional(),
});
