/** A refused command's reason, announced and shown in red next to the controls it concerns. */
export function ErrorText({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="wc-panel__error">
      {error}
    </p>
  );
}
