// A message saying what went wrong, announced to screen readers; renders nothing when all is well.
export function Problem({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="problem" role="alert">
      {message}
    </p>
  );
}
