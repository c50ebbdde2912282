import { useSimilarityCheck } from './queries';
import { useMatchText } from './useMatchText';

/**
 * In the sign-off request form: the other partners' posts this one is close to, named for the
 * community manager only (the email to the partner never mentions them).
 */
export function SimilarityNote({ postId }: { postId: string }) {
  const words = useMatchText();
  const matches = useSimilarityCheck(postId, null).data?.matches ?? [];
  if (matches.length === 0) return null;
  return (
    <div className="banner warn similarity-signoff-note" role="note" data-testid="similarity-signoff-note">
      {matches.map((match) => (
        <p key={match.postId}>{words.signoffNote(match)}</p>
      ))}
    </div>
  );
}
