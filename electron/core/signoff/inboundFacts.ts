/**
 * What the audit says of any message read from the inbox, whatever became of it: which
 * request, which message, who sent it, about what, when it arrived.
 */
export function inboundFacts(
  message: { from: readonly string[]; subject: string } | null,
  requestId: string,
  messageId: string,
  receivedAt: number,
): { requestId: string; messageId: string; from: string; subject: string; receivedAt: number } {
  return { requestId, messageId, from: message?.from.join(', ').slice(0, 320) ?? '', subject: message?.subject.slice(0, 200) ?? '', receivedAt };
}
