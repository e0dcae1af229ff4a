/** Lets keyboard users jump past the header and navigation. */
export function SkipLink() {
  return (
    <a className="stride-skip-link" href="#main-content">
      Skip to main content
    </a>
  );
}
