/** Shown while the first page's data loads, before the router has anything to render. */
export function Loading() {
  return (
    <div className="loading" role="status">
      Loading the brand portal…
    </div>
  );
}
